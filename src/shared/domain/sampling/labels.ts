import type { Verdict } from './summary';

type Label = { ko: string; en: string };

export const VERDICT_LABELS: Record<Verdict, Label> = {
  confirmed: { ko: '확인됨', en: 'Confirmed' },
  not_confirmed: { ko: '확인 안 됨', en: 'Not confirmed' },
};

/** A sampled claim nobody has checked yet. */
export const UNCHECKED_LABEL: Label = { ko: '확인 전', en: 'Not checked yet' };
