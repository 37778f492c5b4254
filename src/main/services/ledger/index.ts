export {
  defaultLedgerFileName,
  exportLedger,
  renderLedger,
  saveLedgerFile,
  type LedgerExportRequest,
} from './export-ledger';
export { ledgerCsvBytes } from './ledger-csv';
export { buildLedger, summariseLedger, type Ledger, type LedgerRow } from './ledger-rows';
export { LEDGER_COLUMNS, LEDGER_HEADERS } from './ledger-table';
export {
  COUNT_FORMAT,
  KRW_FORMAT,
  LEDGER_SHEET,
  ledgerXlsxBytes,
  SUMMARY_SHEET,
} from './ledger-xlsx';
