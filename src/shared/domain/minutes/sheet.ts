import type { MinutesStatus } from './labels';

/**
 * A renderer-neutral layout of the minutes: titles, field lists, tables and the signature
 * block as plain strings. The PDF and the DOCX are both drawn from one sheet, so they always
 * say the same thing in the same order; only typography differs.
 */

export type Align = 'left' | 'center' | 'right';

export interface SheetColumn {
  title: string;
  /** Relative width; renderers share the line's width out in these proportions. */
  width: number;
  align: Align;
}

export interface SheetRow {
  cells: string[];
  /** A line under the row across the whole table (reasons and the chair's note). */
  detail?: string;
}

export type SheetBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; rows: { label: string; value: string }[] }
  | {
      kind: 'table';
      caption: string | null;
      columns: SheetColumn[];
      rows: SheetRow[];
      /** A totals row, set apart from the body. */
      total: SheetRow | null;
    }
  | { kind: 'paragraph'; text: string; size: 'normal' | 'small' }
  | {
      kind: 'signatures';
      statement: string;
      date: string;
      rows: { role: string; name: string }[];
    };

/** The version a rendering shows: which one, whether it is approved, and its hash. */
export interface MinutesVersionInfo {
  version: number;
  sha256: string;
  status: MinutesStatus;
  madeAt: string;
  madeBy: string;
  approvedAt: string | null;
  approvedBy: string | null;
}

export interface MinutesSheet {
  title: string;
  subtitle: string;
  statusLine: string;
  /** Marked 초안 across every page: not yet the council's record. */
  draft: boolean;
  header: { left: string; right: string };
  /** Page numbers sit between these two. */
  footer: { left: string; right: string };
  metadata: { title: string; author: string; subject: string; keywords: string; createdAt: string };
  blocks: SheetBlock[];
}
