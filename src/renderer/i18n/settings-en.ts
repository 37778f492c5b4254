import type { settingsKo } from './settings-ko';

/**
 * English messages of the Settings screen (language, about, people); the type makes it carry
 * exactly settingsKo's keys.
 */
export const settingsEn: Record<keyof typeof settingsKo, string> = {
  'settings.title': 'Settings',
  'settings.language': 'Display language',
  'settings.about': 'About',
  'settings.appVersion': 'App version',
  'settings.schemaVersion': 'Database schema version',
  'settings.dataDir': 'Data folder',
  'settings.actor': 'Current user',

  'settings.people.title': 'Council members and who works at this computer',
  'settings.people.name': 'Name',
  'settings.people.role': 'Role',
  'settings.people.add': 'Add',
  'settings.people.current': 'Working at this computer now',
  'settings.people.none': 'Nobody is on the list yet.',
  'settings.people.choose': 'Choose',
  'settings.people.currentHint':
    'Everything recorded from now on (decisions, views, assignments) carries this name.',
};
