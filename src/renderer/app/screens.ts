import type { MessageKey } from '../i18n/ko';

export const SCREENS = ['intake', 'review', 'meetings', 'summary', 'audit', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

export const SCREEN_LABEL_KEYS: Record<ScreenId, MessageKey> = {
  intake: 'nav.intake',
  review: 'nav.review',
  meetings: 'nav.meetings',
  summary: 'nav.summary',
  audit: 'nav.audit',
  settings: 'nav.settings',
};
