import type { minutesKo } from './minutes-ko';

/**
 * English messages of a closed meeting's minutes (회의록) panel and its print preview; the type makes
 * it carry exactly minutesKo's keys.
 */
export const minutesEn: Record<keyof typeof minutesKo, string> = {
  'minutes.title': 'Minutes',
  'minutes.intro':
    'The secretary drafts, the chair approves. An approved version is locked; a change is drafted as a new version. Every version stays listed.',
  'minutes.none': 'No minutes drafted yet.',

  'minutes.col.version': 'Version',
  'minutes.col.status': 'Status',
  'minutes.col.made': 'Drafted',
  'minutes.col.approved': 'Approved',
  'minutes.versionNumber': 'v{version}',
  'minutes.itemCount': '{count} agenda items',
  'minutes.byAt': '{who} · {at}',
  'minutes.hashTitle': 'Full SHA-256: {hash}',

  'minutes.status.draft': 'Draft',
  'minutes.status.approved': 'Approved',
  'minutes.status.superseded': 'Superseded',
  'minutes.locked': 'Locked',
  'minutes.lockedHint': 'Approved and locked. A change is a new version.',
  'minutes.supersededHint': 'Replaced by v{latest}; it can no longer be approved.',

  'minutes.draft': 'Draft minutes (v{version})',
  'minutes.drafting': 'Drafting…',
  'minutes.drafted': 'Drafted version {version}.',
  'minutes.draftWho': 'The secretary ({names}) drafts the minutes.',
  'minutes.approveWho': 'Only the chair ({names}) can approve.',
  'minutes.nobodyInRole': 'no {role} on the roster',
  'minutes.currentPerson': 'Working now: {name} ({role}).',
  'minutes.noCurrentPerson': 'Locked: nobody has unlocked a key. Unlock yours in Settings.',

  'minutes.approve': 'Approve',
  'minutes.approveTitle': 'Approve version {version}',
  'minutes.approveBody':
    'Once approved, this version is locked and cannot be changed. You approve the text with the hash below. Check it in the preview first.',
  'minutes.approveConfirm': 'Approve this version',
  'minutes.approving': 'Approving…',
  'minutes.approved': 'Approved version {version}.',
  'minutes.cancel': 'Cancel',

  'minutes.preview': 'Preview',
  'minutes.exportPdf': 'Save PDF',
  'minutes.exportDocx': 'Save DOCX',
  'minutes.exporting': 'Saving…',
  'minutes.exported': 'Saved version {version} as {format}: {path}',
  'minutes.exportCancelled': 'Not saved (no place was chosen).',

  'minutes.refusal.draft': 'The minutes cannot be drafted',
  'minutes.refusal.approve': 'The minutes cannot be approved',
  'minutes.refusal.export': 'The minutes cannot be saved',
  'minutes.refusal.unconfirmed':
    'The chair has not confirmed every agenda item yet. Minutes record each item’s decision, so confirm these first:',
  'minutes.refusal.unconfirmedItem': 'Item {position} · {claimId}',
  'minutes.refusal.unchanged':
    'Nothing has changed since version {version}; it already records the meeting as it stands.',
  'minutes.refusal.noAttendance': 'This meeting has no attendance recorded.',
  'minutes.refusal.open': 'The meeting is still open. Minutes are drafted once it is closed.',
  'minutes.refusal.exists':
    'A file of that name already exists. Files are never overwritten; choose another name.',
  'minutes.refusal.locked':
    'This version is already approved and locked. A change is a new version.',
  'minutes.refusal.replaced': 'This version was replaced by v{latest}. Approve the latest version.',
  'minutes.refusal.role': 'The person at this machine may not do this.',

  'minutes.previewTitle': 'Minutes preview',
  'minutes.previewMeta': 'Meeting no. {number} · v{version} · {status}',
  'minutes.rendering': 'Making the minutes PDF…',
  'minutes.renderingFor': '{seconds} s so far. Meetings with many items take a little longer.',
  'minutes.closePreview': 'Close (Esc)',
};
