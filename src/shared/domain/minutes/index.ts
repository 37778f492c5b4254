/** The minutes (회의록) of a closed meeting: the model, its totals, labels and layout. Pure. */
export * from './appeals-section';
export * from './document';
export * from './labels';
export * from './model';
export * from './payout';
export * from './sampling-section';
export * from './sheet';
export * from './totals';
