export {
  defaultLedgerFileName,
  exportLedger,
  renderLedger,
  saveLedgerFile,
  type LedgerExportRequest,
} from './export-ledger';
export { writeLedgerCsv } from './ledger-csv';
export { buildLedger, summariseLedger, type Ledger, type LedgerRow } from './ledger-rows';
export { LEDGER_COLUMNS, LEDGER_HEADERS } from './ledger-table';
export {
  COUNT_FORMAT,
  KRW_FORMAT,
  LEDGER_SHEET,
  SUMMARY_SHEET,
  writeLedgerXlsx,
} from './ledger-xlsx';
