/**
 * NFKC folds full-width digits, the full-width won sign and the like into their plain forms.
 * It is also the costliest step of reading a row, and most cells are plain ASCII, which NFKC
 * leaves unchanged: those skip it.
 */
// Printable ASCII and ordinary whitespace; anything else goes through NFKC, which is always correct.
const ASCII_ONLY = /^[\t\n\r -~]*$/;

export function toNfkc(value: string): string {
  return ASCII_ONLY.test(value) ? value : value.normalize('NFKC');
}
