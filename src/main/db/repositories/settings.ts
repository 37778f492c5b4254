import type { Db } from '../connection';

/**
 * Small per-workspace settings: the workspace's id, and the audit sequence number from which
 * acts with authority are signed (migration 013).
 */
export const SETTING_KEYS = ['workspace_id', 'acts_signed_from_seq'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export function getSetting(db: Db, key: SettingKey): string | null {
  const row = db.prepare('SELECT value FROM workspace_settings WHERE key = ?').pluck().get(key);
  return (row as string | undefined) ?? null;
}

export function setSetting(db: Db, key: SettingKey, value: string): void {
  db.prepare(
    'INSERT INTO workspace_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
