import { formatKrw } from '../../../../shared/domain/money';
import {
  formatPublishedFigure,
  kakaoPercentOfPublishedCounts,
  PUBLISHED_INTAKE,
} from '../../../../shared/domain/published-figures';
import type { Stats } from '../../../../shared/ipc/stats-schemas';
import { formatCount } from '../../../i18n/format';
import { useT } from '../../../i18n/locale-context';
import { formatShare } from './shares';

interface Figure {
  testId: string;
  label: string;
  value: string;
  hints?: string[];
}

/**
 * The scope's headline counts. Kakao's own claims get their figure because they are the base of
 * every published share; the review queue is split into what still waits for the council and
 * what it has decided, since "in the queue" alone kept counting decided claims as waiting.
 */
export function StatsHeadline({ stats }: { stats: Stats }) {
  const t = useT();
  const { published, reviewQueue } = stats;
  const kakao = stats.bases.kakao.claims;
  const publishedHint = (figure: string) => t('intake.stats.publishedFigure', { figure });
  const figures: Figure[] = [
    {
      testId: 'stats-claims',
      label: t('intake.stats.claims'),
      value: formatCount(stats.claims),
      hints: published
        ? [t('intake.stats.publishedClaims', { count: formatCount(published.received) })]
        : [],
    },
    {
      testId: 'stats-kakao',
      label: t('intake.stats.kakaoClaims'),
      value: formatCount(kakao),
      hints: [
        t('intake.stats.kakaoShareOfAll', { share: formatShare(kakao, stats.claims) }),
        ...(published
          ? [publishedHint(formatPublishedFigure(published.kakao, t('intake.stats.about')))]
          : []),
      ],
    },
    {
      testId: 'stats-review-queue',
      label: t('intake.reviewQueue'),
      value: formatCount(reviewQueue.count),
    },
    {
      testId: 'stats-review-waiting',
      label: t('intake.stats.reviewWaiting'),
      value: formatCount(reviewQueue.waiting),
      hints: [t('intake.stats.reviewDecided', { count: formatCount(reviewQueue.decided) })],
    },
    {
      testId: 'stats-review-total',
      label: t('intake.reviewQueueTotal'),
      value: formatKrw(reviewQueue.totalClaimed),
    },
  ];
  const received = formatCount(PUBLISHED_INTAKE.received);

  return (
    <>
      <dl className="stat-grid">
        {figures.map((figure) => (
          <div className="stat" data-testid={figure.testId} key={figure.testId}>
            <dt className="stat__label">{figure.label}</dt>
            <dd className="stat__value num">{figure.value}</dd>
            {figure.hints?.map((hint) => (
              <dd className="stat__hint" key={hint}>
                {hint}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      <p className="summary-note muted" data-testid="stats-published-note">
        {published
          ? t('intake.stats.published.shown', {
              received,
              kakao: formatCount(published.kakao.count ?? 0),
              published: String(published.kakao.percent),
              computed: kakaoPercentOfPublishedCounts().toFixed(2),
            })
          : t('intake.stats.published.notShown', { received })}
      </p>
    </>
  );
}
