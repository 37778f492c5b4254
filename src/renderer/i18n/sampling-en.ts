import type { samplingKo } from './sampling-ko';

/** English messages of the post-payment sample panel; exactly samplingKo's keys. */
export const samplingEn: Record<keyof typeof samplingKo, string> = {
  'sampling.title': 'Post-payment sample check',
  'sampling.none':
    'No sample drawn yet. The secretary draws one from the 30,000 and 50,000 KRW payouts (review-desk sample draw).',
  'sampling.sample':
    'Sample #{id} · {drawnAt} {drawnBy} · confidence ±margin {rule} · seed "{seed}" · {scope}',
  'sampling.scope.all': 'Whole workspace',
  'sampling.scope.batch': 'Batch #{id}',
  'sampling.caption': 'Sample per tier, checks, error rate and projected overpayment',
  'sampling.tier': 'Tier',
  'sampling.population': 'Population',
  'sampling.size': 'Sample',
  'sampling.checked': 'Checked',
  'sampling.notConfirmed': 'Not confirmed',
  'sampling.errorRate': 'Error rate ({confidence} interval)',
  'sampling.projected': 'Projected overpayment (interval)',
  'sampling.total': 'Total',
  'sampling.unchecked': 'Not checked yet',
  'sampling.note':
    'Error rate = not confirmed ÷ checked, with its Wilson score interval. Projected overpayment = error rate × population × support. The total’s interval is the sum of the tiers’ intervals, shown once every tier has checks.',
};
