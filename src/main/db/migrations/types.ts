export interface Migration {
  /** Equals its position in the list, starting at 1; stored in PRAGMA user_version. */
  version: number;
  name: string;
  sql: string;
}
