/** Council meetings: the secretary runs them, the chair confirms their decisions. */
export { requireChair, VOTING_ROLES } from './access';
export { confirmFinalDecision } from './confirm';
export {
  addToAgenda,
  closeMeeting,
  closeVoting,
  openMeeting,
  recordVote,
  setAttendance,
} from './conduct';
export { getMeeting, listMeetings } from './read';
