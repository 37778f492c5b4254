/** Meeting minutes (회의록): versions drafted by the secretary, approved by the chair, rendered. */
export { minutesDocx } from './docx/render';
export { minutesPdf } from './pdf/render';
export { readMinutesInput, DEFAULT_COUNCIL } from './read';
export { renderMinutes, type RenderedMinutes } from './render';
export { latestApprovedMinutesSha256 } from '../../db/repositories/minutes';
export {
  approveMinutes,
  currentMinutesModel,
  draftMinutes,
  getStoredMinutes,
  listMinutesVersions,
  type StoredMinutes,
} from './versions';
