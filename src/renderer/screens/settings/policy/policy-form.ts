import { formatKrwPlain, MONEY_ERROR_MESSAGES, parseKrw } from '../../../../shared/domain/money';
import {
  basisPointsToPercentText,
  isPolicyIssueCode,
  percentTextToBasisPoints,
  POLICY_ISSUE_MESSAGES,
  validatePolicyBody,
} from '../../../../shared/domain/support-calculator';
import {
  POLICY_TABLES,
  type PolicyTable,
  type RoundingMode,
  type SupportPolicyBody,
} from '../../../../shared/domain/support-policy';

/**
 * The policy editor's form, kept as text (a half-typed "12." must survive a re-render) and
 * turned into a body only when every cell reads. Validation is the shared validatePolicyBody,
 * the same rules main applies, so the form and main agree on what may be saved.
 */

export type RoundingUnit = SupportPolicyBody['rounding']['unit'];

export interface EditRow {
  /** Stable across edits and removals, for React keys and focus. */
  id: number;
  key: string;
  percentText: string;
  source: string;
}

export interface PolicyForm {
  tables: Record<PolicyTable, EditRow[]>;
  roundingMode: RoundingMode;
  roundingUnit: RoundingUnit;
  minimumText: string;
  /** Empty for no maximum. */
  maximumText: string;
  note: string;
}

/** A problem shown next to the form: where (a body path like "margin.3.key") and what. */
export interface FormIssue {
  path: string;
  code: string;
  message: { ko: string; en: string } | string;
}

let lastRowId = 0;

export function newRow(fields: Partial<Omit<EditRow, 'id'>> = {}): EditRow {
  lastRowId += 1;
  return { id: lastRowId, key: '', percentText: '', source: '', ...fields };
}

export function formFromBody(body: SupportPolicyBody): PolicyForm {
  const tables = Object.fromEntries(
    POLICY_TABLES.map((table) => [
      table,
      body[table].map((row) =>
        newRow({
          key: row.key,
          percentText: basisPointsToPercentText(row.factorBp),
          source: row.source,
        }),
      ),
    ]),
  ) as Record<PolicyTable, EditRow[]>;
  return {
    tables,
    roundingMode: body.rounding.mode,
    roundingUnit: body.rounding.unit,
    minimumText: formatKrwPlain(body.minimumAmount),
    maximumText: body.maximumAmount === null ? '' : formatKrwPlain(body.maximumAmount),
    note: '',
  };
}

/** The body main will receive, or null with the reasons it cannot be built or saved. */
export function checkPolicyForm(form: PolicyForm): {
  body: SupportPolicyBody | null;
  issues: FormIssue[];
} {
  const issues: FormIssue[] = [];
  const unreadable = (path: string, message: FormIssue['message'], code: string) =>
    issues.push({ path, code, message });

  const tables = Object.fromEntries(
    POLICY_TABLES.map((table) => [
      table,
      form.tables[table].map((row, index) => {
        const factorBp = percentTextToBasisPoints(row.percentText);
        if (factorBp === null) {
          const code = 'factor_out_of_range';
          unreadable(`${table}.${index}.factorBp`, POLICY_ISSUE_MESSAGES[code], code);
        }
        return { key: row.key, factorBp: factorBp ?? 0, source: row.source };
      }),
    ]),
  ) as Pick<SupportPolicyBody, PolicyTable>;

  const amount = (path: string, text: string): number => {
    const parsed = parseKrw(text);
    if (parsed.ok) return parsed.value;
    unreadable(path, MONEY_ERROR_MESSAGES[parsed.code], parsed.code);
    return 0;
  };
  const minimumAmount = amount('minimumAmount', form.minimumText);
  const maximumAmount =
    form.maximumText.trim() === '' ? null : amount('maximumAmount', form.maximumText);

  const body: SupportPolicyBody = {
    ...tables,
    rounding: { mode: form.roundingMode, unit: form.roundingUnit },
    minimumAmount,
    maximumAmount,
  };
  const readable = issues.length === 0;
  const flagged = new Set(issues.map((issue) => issue.path));
  for (const issue of validatePolicyBody(body)) {
    // A cell that did not read already says so; its placeholder value would only add noise.
    if (flagged.has(issue.path) || (!readable && issue.code === 'minimum_above_maximum')) continue;
    issues.push({ path: issue.path, code: issue.code, message: { ko: issue.ko, en: issue.en } });
  }
  return { body: readable && issues.length === 0 ? body : null, issues };
}

/** main's issues ("body.margin.3.key") in the form's terms, in the current language if known. */
export function issuesFromApi(
  issues: { path: string; code: string; message: string }[],
): FormIssue[] {
  return issues.map((issue) => ({
    path: issue.path.replace(/^body\./, ''),
    code: issue.code,
    message: isPolicyIssueCode(issue.code) ? POLICY_ISSUE_MESSAGES[issue.code] : issue.message,
  }));
}

/** Splits "margin.3.key" into its table, row and column, for labels and highlighting. */
export function parseIssuePath(
  path: string,
): { table: PolicyTable; row: number | null; column: string | null } | null {
  const [table, row, column] = path.split('.');
  if (!POLICY_TABLES.includes(table as PolicyTable)) return null;
  return {
    table: table as PolicyTable,
    row: row === undefined ? null : Number(row),
    column: column ?? null,
  };
}
