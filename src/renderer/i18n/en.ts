import { appEn } from './app-en';
import { intakeEn } from './intake-en';
import { reviewEn } from './review-en';
import { evidenceEn } from './evidence-en';
import { policyEn } from './policy-en';
import { recommendationsEn } from './recommendations-en';
import { meetingsEn } from './meetings-en';
import { decisionFilesEn } from './decision-files-en';
import { minutesEn } from './minutes-en';
import { summaryEn } from './summary-en';
import { samplingEn } from './sampling-en';
import { auditLogEn } from './audit-log-en';
import { auditorEn } from './auditor-en';
import { settingsEn } from './settings-en';
import { signingEn } from './signing-en';
import { vaultEn } from './vault-en';
import { backupEn } from './backup-en';
import { correctionsEn } from './corrections-en';
import type { Messages } from './ko';

// Typed as Messages so a key missing here fails the build; each area file is typed with its
// Korean counterpart's keys, so a key ko.ts does not have fails it too.
export const en: Messages = {
  ...appEn,
  ...intakeEn,
  ...reviewEn,
  ...evidenceEn,
  ...policyEn,
  ...recommendationsEn,
  ...meetingsEn,
  ...decisionFilesEn,
  ...minutesEn,
  ...summaryEn,
  ...samplingEn,
  ...auditLogEn,
  ...auditorEn,
  ...settingsEn,
  ...signingEn,
  ...vaultEn,
  ...backupEn,
  ...correctionsEn,
};
