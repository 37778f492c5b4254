/** The council's meeting rules: votes, attendance, quorum and thresholds. Pure, shared by main and UI. */
export * from './rules';
export * from './votes';
