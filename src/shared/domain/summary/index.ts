/** The secretary's summary: the budget view beside the published figures. Pure. */
export * from './budget';
export * from './large-amounts';
export * from './published';
