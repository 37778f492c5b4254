import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { APPEAL_STATE_LABELS } from '../../../../shared/domain/appeals';
import { maskBusinessRegNo } from '../../../../shared/domain/business-reg-no';
import { REVIEW_STATE_LABELS } from '../../../../shared/domain/decision';
import { CLAIM_FLAG_LABELS } from '../../../../shared/domain/flags';
import { formatKrw } from '../../../../shared/domain/money';
import { TIER_LABELS } from '../../../../shared/domain/tier';
import type { QueueRow } from '../../../../shared/ipc/review-schemas';
import { formatDateTime } from '../../../i18n/format';
import type { Labelled, Locale, Translate } from '../../../i18n/locale-context';
import { agreementCellText } from '../recommendations/agreement-text';

const money = (params: ValueFormatterParams<QueueRow, number | null>) =>
  params.value === null || params.value === undefined ? '' : formatKrw(params.value);

/**
 * Column definitions, rebuilt when the language changes. Every column's id is a QUEUE_COLUMNS
 * name: sorting and filtering happen in main, in SQL, by that name.
 */
export function queueColumns(
  t: Translate,
  label: (l: Labelled) => string,
  locale: Locale,
): ColDef<QueueRow>[] {
  return [
    {
      field: 'claimId',
      headerName: t('review.col.claimId'),
      filter: 'agTextColumnFilter',
      pinned: 'left',
      width: 150,
      cellClass: 'mono',
    },
    {
      field: 'receivedAt',
      headerName: t('review.col.received'),
      filter: 'agDateColumnFilter',
      // Main compares by day; the grid only builds the filter model.
      filterParams: { maxNumConditions: 2 },
      valueFormatter: (p) => (p.value ? formatDateTime(p.value as string, locale) : ''),
      width: 160,
    },
    {
      field: 'businessName',
      headerName: t('review.col.businessName'),
      filter: 'agTextColumnFilter',
      width: 170,
    },
    {
      field: 'businessRegNo',
      headerName: t('review.col.businessRegNo'),
      filter: 'agTextColumnFilter',
      valueFormatter: (p) => (p.value ? maskBusinessRegNo(p.value as string) : ''),
      cellClass: 'mono',
      width: 140,
    },
    {
      field: 'industry',
      headerName: t('review.col.industry'),
      filter: 'agTextColumnFilter',
      width: 120,
    },
    {
      field: 'service',
      headerName: t('review.col.service'),
      filter: 'agTextColumnFilter',
      width: 120,
    },
    {
      field: 'claimedLoss',
      headerName: t('review.col.claimedLoss'),
      filter: 'agNumberColumnFilter',
      type: 'rightAligned',
      valueFormatter: money,
      width: 140,
    },
    {
      field: 'calculatedSupport',
      headerName: t('review.col.calculatedSupport'),
      filter: 'agNumberColumnFilter',
      type: 'rightAligned',
      valueFormatter: money,
      headerTooltip: t('review.col.calculatedSupport.tip'),
      width: 130,
    },
    {
      field: 'reviewState',
      headerName: t('review.col.reviewState'),
      filter: 'agTextColumnFilter',
      // Filter and quick search match the words on screen, not the stored code.
      valueFormatter: (p) =>
        p.data
          ? label(REVIEW_STATE_LABELS[p.data.reviewState]) +
            (p.data.newEvidence ? ` · ${t('review.state.newEvidence')}` : '')
          : '',
      cellClass: (p) => `state-cell state-cell--${p.data?.reviewState ?? ''}`,
      // Wide enough for the longest state with its mark: "보완 요청 · 새 증빙".
      width: 165,
      // What a reviewer scans for stays in sight however far the other columns scroll: the
      // columns are wider than a 1440-pixel window.
      pinned: 'right',
    },
    {
      field: 'agreement',
      headerName: t('review.col.agreement'),
      headerTooltip: t('review.col.agreement.tip'),
      // Filter words are AGREEMENT_LABELS' (main matches them); the cell adds the counts.
      filter: 'agTextColumnFilter',
      valueFormatter: (p) =>
        p.data ? agreementCellText(t, p.data.agreement, p.data.agreementSplit) : '',
      cellClass: (p) => (p.data ? `agreement-cell agreement-cell--${p.data.agreement}` : undefined),
      width: 110,
    },
    {
      field: 'appeal',
      headerName: t('review.col.appeal'),
      headerTooltip: t('review.col.appeal.tip'),
      // Filter words are APPEAL_STATE_LABELS' (main matches them); blank without an appeal.
      filter: 'agTextColumnFilter',
      valueFormatter: (p) => (p.data?.appeal ? label(APPEAL_STATE_LABELS[p.data.appeal]) : ''),
      width: 100,
    },
    {
      field: 'tier',
      headerName: t('review.col.tier'),
      filter: 'agTextColumnFilter',
      valueFormatter: (p) => (p.data ? label(TIER_LABELS[p.data.tier]) : ''),
      width: 130,
    },
    {
      field: 'assignee',
      headerName: t('review.col.assignee'),
      filter: 'agTextColumnFilter',
      width: 110,
    },
    {
      field: 'flags',
      headerName: t('review.col.flags'),
      filter: 'agTextColumnFilter',
      valueFormatter: (p) =>
        p.data ? p.data.flags.map((f) => label(CLAIM_FLAG_LABELS[f])).join(', ') : '',
      tooltipValueGetter: (p) => p.data?.flags.map((f) => label(CLAIM_FLAG_LABELS[f])).join('\n'),
      cellClass: (p) => (p.data && p.data.flags.length > 0 ? 'flag-cell' : undefined),
      width: 170,
    },
    {
      field: 'evidenceCount',
      headerName: t('review.col.evidence'),
      filter: 'agNumberColumnFilter',
      type: 'rightAligned',
      valueFormatter: (p) =>
        !p.data
          ? ''
          : p.data.evidenceProblems > 0
            ? t('review.evidenceWithProblems', {
                count: p.data.evidenceCount,
                problems: p.data.evidenceProblems,
              })
            : String(p.data.evidenceCount),
      cellClass: (p) =>
        p.data && p.data.evidenceProblems > 0 ? 'evidence-cell--problem' : undefined,
      width: 100,
    },
  ];
}
