import type { BackupMade } from '../../../shared/ipc/backup-schemas';
import { FactRow } from '../../components/Facts';
import { formatCount } from '../../i18n/format';
import { useT } from '../../i18n/locale-context';

type Counts = BackupMade['counts'];

const COUNT_ROWS = [
  ['claims', 'backup.counts.claims'],
  ['decisions', 'backup.counts.decisions'],
  ['meetings', 'backup.counts.meetings'],
  ['evidenceFiles', 'backup.counts.evidenceFiles'],
] as const;

/** Megabytes (binary, as file managers count) with one decimal, the same in both languages. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * What a backup holds, as rows of a "facts" list the caller opens: the same four counts after a
 * backup and after a restore, so the two can be compared by eye. Each value is `<prefix>-<key>`.
 */
export function BackupCountRows({
  counts,
  testIdPrefix,
}: {
  counts: Counts;
  testIdPrefix: string;
}) {
  const t = useT();
  return COUNT_ROWS.map(([key, label]) => (
    <FactRow key={key} term={t(label)} testId={`${testIdPrefix}-${key}`}>
      {formatCount(counts[key])}
    </FactRow>
  ));
}
