import { BATCH_FIELDS, type BatchField } from './batch-format';

/**
 * What a correction of a claim's data may change (a new version of the claim, never an edit in
 * place): everything but its id, which every signed file names it by, and the files its batch
 * named, which come later as attached evidence instead.
 */
export const CORRECTABLE_FIELDS = BATCH_FIELDS.filter(
  (field): field is Exclude<BatchField, 'claim_id' | 'evidence'> =>
    field !== 'claim_id' && field !== 'evidence',
);
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
