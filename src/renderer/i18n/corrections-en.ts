import type { correctionsKo } from './corrections-ko';

/** English messages of correcting a claim's data; the type makes it carry exactly correctionsKo's keys. */
export const correctionsEn: Record<keyof typeof correctionsKo, string> = {
  'corrections.title': 'Correct the claim',
  'corrections.versionLabel': 'Version',
  'corrections.version': 'Version {version} (as received)',
  'corrections.versionCorrected': 'Version {version} (corrected)',
  'corrections.help':
    'A correction makes a new version of this claim. Earlier versions stay, and the tier is classified again on the new values. Write the value as a batch file would (e.g. 800,000원, 소상공인).',
  'corrections.field': 'Field',
  'corrections.value': 'New value',
  'corrections.reason': 'Why',
  'corrections.submit': 'Correct (new version)',
  'corrections.done': 'Corrected: version {from} → {to} ({fields}).',
  'corrections.retiered': 'Tier: {from} → {to}.',
};
