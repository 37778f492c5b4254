import { z } from 'zod';
import { QUEUE_COLUMNS, QUEUE_VIEWS } from '../domain/queue-views';

/**
 * What the review grid asks main for: a view, the quick search, and AG Grid's own sort and
 * filter models (only the shapes its text, number and date filters produce). Main builds SQL
 * from these with whitelisted columns and bound values only.
 */
const text = z.object({
  filterType: z.literal('text'),
  type: z.enum([
    'contains',
    'notContains',
    'equals',
    'notEqual',
    'startsWith',
    'endsWith',
    'blank',
    'notBlank',
  ]),
  filter: z.string().max(200).nullish(),
});
const number = z.object({
  filterType: z.literal('number'),
  type: z.enum([
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ]),
  filter: z.number().finite().nullish(),
  filterTo: z.number().finite().nullish(),
});
const date = z.object({
  filterType: z.literal('date'),
  type: z.enum(['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank']),
  dateFrom: z.string().max(40).nullish(),
  dateTo: z.string().max(40).nullish(),
});
export const filterCondition = z.discriminatedUnion('filterType', [text, number, date]);
export type FilterCondition = z.infer<typeof filterCondition>;

const combined = z.object({
  filterType: z.enum(['text', 'number', 'date']),
  operator: z.enum(['AND', 'OR']),
  conditions: z.array(filterCondition).min(1).max(4),
});
export const columnFilter = z.union([combined, filterCondition]);
export type ColumnFilter = z.infer<typeof columnFilter>;

export const queueQuery = z
  .object({
    view: z.enum(QUEUE_VIEWS as [string, ...string[]]),
    search: z.string().max(200),
    sort: z
      .array(z.object({ colId: z.enum(QUEUE_COLUMNS), sort: z.enum(['asc', 'desc']) }))
      .max(QUEUE_COLUMNS.length),
    filters: z.partialRecord(z.enum(QUEUE_COLUMNS), columnFilter),
  })
  .strict();
export type QueueQuery = z.infer<typeof queueQuery>;
