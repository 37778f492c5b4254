import type { MessageKey } from '../i18n/ko';

export const SCREENS = ['batches', 'review', 'meetings', 'audit', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

export const SCREEN_LABEL_KEYS: Record<ScreenId, MessageKey> = {
  batches: 'nav.batches',
  review: 'nav.review',
  meetings: 'nav.meetings',
  audit: 'nav.audit',
  settings: 'nav.settings',
};
