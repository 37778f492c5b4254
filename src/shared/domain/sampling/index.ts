/** Post-payment sampling of the bracket payouts: sizes, intervals, projections. Pure. */
export * from './projection';
export * from './sample-size';
export * from './summary';
export * from './wilson';
export * from './format';
export * from './labels';
