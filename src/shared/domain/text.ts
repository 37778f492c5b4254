/**
 * NFKC folds full-width digits, the full-width won sign and the like into their plain forms.
 * It is also the costliest step of reading a row, and most cells are plain ASCII, which NFKC
 * leaves unchanged: those skip it.
 */
const ASCII_ONLY = /^[\x00-\x7F]*$/;

export function toNfkc(value: string): string {
  return ASCII_ONLY.test(value) ? value : value.normalize('NFKC');
}
