/** A refusal of the command line itself: one line on stderr and exit code 1. */
export class Refusal extends Error {}
