import type { appKo } from './app-ko';

/**
 * English messages of the app shell (title, language, navigation, common words, errors, council
 * roles); the type makes it carry exactly appKo's keys.
 */
export const appEn: Record<keyof typeof appKo, string> = {
  'app.title': 'Review Desk',
  'app.council': '1015 Damage Support Council',
  'app.skipToContent': 'Skip to content',

  'app.locale.label': 'Language',
  'app.locale.ko': '한국어',
  'app.locale.en': 'English',

  'app.nav.label': 'Main menu',
  'app.nav.intake': 'Batches',
  'app.nav.review': 'Review',
  'app.nav.meetings': 'Meetings',
  'app.nav.summary': 'Payout summary',
  'app.nav.audit': 'Audit',
  'app.nav.settings': 'Settings',

  'app.common.loading': 'Loading…',
  'app.common.retry': 'Try again',
  'app.common.refresh': 'Refresh',
  'app.common.yes': 'Yes',
  'app.common.no': 'No',

  'app.error.title.unknown_channel': 'Unknown request',
  'app.error.title.untrusted_sender': 'Request from a screen that is not allowed',
  'app.error.title.invalid_payload': 'The request is malformed',
  'app.error.title.validation_failed': 'The input breaks a rule',
  'app.error.title.not_found': 'Not found',
  'app.error.title.conflict': 'Already done, or clashes with another change',
  'app.error.title.forbidden': 'Not allowed (a role, a passphrase, or a file not chosen here)',
  'app.error.title.locked': 'The workspace is locked',
  'app.error.title.internal': 'Internal error',
  'app.error.bridgeMissing':
    'The app bridge (window.api) is missing. Open this inside the Review Desk app.',
  'app.error.detail': 'Details: {message}',

  'app.role.member': 'Member',
  'app.role.chair': 'Chair',
  'app.role.secretary': 'Secretary',
  'app.role.auditor': 'Auditor',
};
