import type { MessageKey } from '../i18n/ko';

export const SCREENS = ['intake', 'review', 'meetings', 'summary', 'audit', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

export const SCREEN_LABEL_KEYS: Record<ScreenId, MessageKey> = {
  intake: 'app.nav.intake',
  review: 'app.nav.review',
  meetings: 'app.nav.meetings',
  summary: 'app.nav.summary',
  audit: 'app.nav.audit',
  settings: 'app.nav.settings',
};
