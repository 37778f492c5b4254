import type { summaryKo } from './summary-ko';

/**
 * English messages of the payout summary screen; the type makes it carry exactly summaryKo's keys.
 */
export const summaryEn: Record<keyof typeof summaryKo, string> = {
  'summary.title': 'Payout summary',
  'summary.scope': 'Scope',
  'summary.scope.all': 'Whole workspace',
  'summary.scope.batch': 'Batch #{id} {name}',
  'summary.empty':
    'No claims in this scope yet. Load a claim batch and the payouts are added up here.',

  'summary.headline.toPay': 'Total to pay',
  'summary.headline.toPayHint': 'Brackets plus the council’s approved amounts',
  'summary.headline.count': 'Payouts',
  'summary.headline.claims': 'of {count} claims',
  'summary.headline.open': 'Council cases open',
  'summary.headline.openHint': 'Undecided, evidence requested, deferred',
  'summary.headline.exposure': 'Claimed by open cases',
  'summary.headline.exposureHint': 'What they claim, not what is paid',

  'summary.tiers.title': 'Payouts by tier',
  'summary.tiers.caption': 'Claims and payouts by tier: payouts × support = amount',
  'summary.tiers.tier': 'Tier',
  'summary.tiers.claims': 'Claims',
  'summary.tiers.paid': 'Payouts',
  'summary.tiers.support': 'Support',
  'summary.tiers.amount': 'Amount',
  'summary.tiers.byDecision': 'As decided',
  'summary.tiers.package': 'Package (not money)',
  'summary.tiers.none': 'Nothing paid',
  'summary.tiers.setAside': 'Not covered',
  'summary.tiers.total': 'Total',

  'summary.chart.title': 'Where the money goes',
  'summary.chart.label':
    'Bar chart of payouts: {parts}. The same figures are in the tier table and the open council cases.',
  'summary.chart.openBar': 'Open council cases, claimed (unpaid)',
  'summary.chart.note': 'The grey bar is what open cases claim; it is not a payout yet.',
  'summary.chart.tooltip': '{amount} · {count} claims',

  'summary.committee.title': 'Council review',
  'summary.committee.caption': 'Council review cases by their current decision',
  'summary.committee.state': 'Current state',
  'summary.committee.count': 'Claims',
  'summary.committee.amount': 'Amount',
  'summary.committee.paid': 'Paid, approved in full or part',
  'summary.committee.open': 'Claimed by open cases',
  'summary.committee.cases': '{count} cases under review',
  'summary.committee.outsideMeeting':
    '{count} cases were last recorded as a member’s view outside a meeting. The view is not paid; the council’s decision is (or the case awaits the council). All are on the ledger’s “회의 밖 기록” sheet.',
  'summary.committee.appeals':
    '{filed} appeals: {admitted} admitted to council review, {rejected} rejected, {undecided} not yet ruled',
  'summary.committee.unpriced': '{count} open cases name no claimed loss and are not in the total.',

  'summary.budget.title': 'Budget view',
  'summary.budget.intro':
    'The workspace’s own figures beside the rules and estimates the council and Kakao published. Published figures are for reference and are never added to the workspace’s totals.',
  'summary.budget.caption': 'Budget view: workspace figures and published figures',
  'summary.budget.row': 'Kind',
  'summary.budget.workspace': 'This workspace',
  'summary.budget.count': 'Claims',
  'summary.budget.amount': 'Amount',
  'summary.budget.published': 'Published rule or estimate (reference)',
  'summary.budget.unitTimes': '{count} × {unit}',
  'summary.budget.exposure': 'claimed, unpaid',
  'summary.budget.packageCount': 'package, not money',
  'summary.budget.publishedAmount': 'Published estimate: about {amount}',
  'summary.budget.toPay': 'To pay',
  'summary.budget.openExposure': 'Claimed by open cases',
  'summary.budget.ceiling': 'At most (if every open case were paid what it claims)',
  'summary.budget.unpriced': '{count} without a claimed loss left out',

  'summary.package.title': 'General-user package: the published estimate',
  'summary.package.caption': 'The published general-user package estimate (not workspace figures)',
  'summary.package.label': 'Published estimate · not workspace figures',
  'summary.package.item': 'Item',
  'summary.package.basis': 'Basis',
  'summary.package.amount': 'Estimate',
  'summary.package.about': 'about {amount}',
  'summary.package.unitTimes': '{unit} × {people}',
  'summary.package.itemsTotal': 'Items added up',
  'summary.package.headline': 'Published total',
  'summary.package.roundedNote':
    'The items add up to about {items}, more than the published total of about {headline}. Both are shown as published.',
  'summary.package.contents': 'Contents: {contents}',
  'summary.package.source': 'Source sentence',
  'summary.package.claims':
    'This workspace holds {count} general-user claims. The package went to every user, claim or not, so it is never added as money.',

  'summary.export.title': 'Export the payout ledger',
  'summary.export.intro':
    'One line per paid claim, brackets and council approvals. No contact data; an existing file is never written over.',
  'summary.export.scope': 'Scope: {scope}',
  'summary.export.xlsx': 'Save XLSX…',
  'summary.export.csvUtf8': 'Save CSV (UTF-8)…',
  'summary.export.csvCp949': 'Save CSV (CP949, Korean Excel)…',
  'summary.export.running': 'Making the payout ledger… ({format})',
  'summary.export.saved': 'Saved: {path}',
  'summary.export.savedFigures': '{format} · {count} rows · total {total}',
  'summary.export.cancelled': 'Nothing saved (the dialog was closed).',
  'summary.export.cp949Hint':
    'Some characters have no CP949 code (the encoding Korean Excel uses), so nothing was saved. Check the claims below, or save as CSV (UTF-8) or XLSX.',
  'summary.export.format.xlsx': 'XLSX',
  'summary.export.format.utf8': 'CSV UTF-8',
  'summary.export.format.cp949': 'CSV CP949',
};
