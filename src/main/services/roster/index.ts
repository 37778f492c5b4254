export {
  buildRosterPayload,
  signRoster,
  verifyRoster,
  RosterError,
  type RosterInput,
  type VerifiedRoster,
} from './roster';
export { ROSTER_FORMAT, type RosterMember, type RosterPayload } from './roster-format';
export {
  importRoster,
  latestRoster,
  latestRosterRecord,
  type ImportedRoster,
} from './roster-store';
export {
  ROSTER_FILE_RULE,
  saveAndImportRoster,
  signNextRoster,
  type NextRosterInput,
} from './next-roster';
export { rosterTrust } from './roster-trust';
export { pinnedRoster, importedRosters } from './roster-store';
