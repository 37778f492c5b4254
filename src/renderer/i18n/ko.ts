import { appKo } from './app-ko';
import { intakeKo } from './intake-ko';
import { reviewKo } from './review-ko';
import { evidenceKo } from './evidence-ko';
import { policyKo } from './policy-ko';
import { recommendationsKo } from './recommendations-ko';
import { meetingsKo } from './meetings-ko';
import { decisionFilesKo } from './decision-files-ko';
import { minutesKo } from './minutes-ko';
import { summaryKo } from './summary-ko';
import { samplingKo } from './sampling-ko';
import { auditLogKo } from './audit-log-ko';
import { auditorKo } from './auditor-ko';
import { settingsKo } from './settings-ko';
import { signingKo } from './signing-ko';
import { vaultKo } from './vault-ko';
import { backupKo } from './backup-ko';
import { correctionsKo } from './corrections-ko';

/**
 * Korean is the source of truth: the council works in Korean, and en.ts must carry exactly
 * these keys (the type check fails otherwise). Placeholders are written {name}. Each area has
 * one Korean and one English file (<area>-ko.ts, <area>-en.ts) whose keys all start with the
 * area's name ("intake.*" in intake-ko.ts), which AreaMessages in area.ts checks.
 */
export const ko = {
  ...appKo,
  ...intakeKo,
  ...reviewKo,
  ...evidenceKo,
  ...policyKo,
  ...recommendationsKo,
  ...meetingsKo,
  ...decisionFilesKo,
  ...minutesKo,
  ...summaryKo,
  ...samplingKo,
  ...auditLogKo,
  ...auditorKo,
  ...settingsKo,
  ...signingKo,
  ...vaultKo,
  ...backupKo,
  ...correctionsKo,
} satisfies Record<string, string>;

export type MessageKey = keyof typeof ko;
export type Messages = Record<MessageKey, string>;
