import type { AttachedClaim } from '../../../shared/ipc/supplements-schemas';
import { durableTransaction } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit-log';
import { currentDecisionForClaim } from '../../db/repositories/decisions';
import { insertArrivedEvidence, nextEvidencePosition } from '../../db/repositories/evidence';
import { insertEvidenceArrival } from '../../db/repositories/evidence-arrivals';
import type { ServiceContext } from '../context';
import { refreshDerivedData } from '../derived-data';
import type { EvidenceCollector, EvidenceOutcome } from '../evidence/collect';
import { signerOf } from '../identity/acting';

/** The files one claim receives, read and judged, ready to record. */
export interface Delivery {
  claimId: string;
  outcomes: EvidenceOutcome[];
}

/**
 * Reads and judges every file before anything is recorded: the store keeps the accepted bytes
 * (content-addressed, so a failure later leaves at most an unreferenced copy), and the
 * transaction that follows never waits on the disk of a zip or a USB stick.
 */
export async function collectDeliveries(
  collector: EvidenceCollector,
  wanted: { claimId: string; fileNames: string[] }[],
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const { claimId, fileNames } of wanted) {
    const outcomes: EvidenceOutcome[] = [];
    for (const name of fileNames) outcomes.push(await collector.collect(name));
    deliveries.push({ claimId, outcomes });
  }
  return deliveries;
}

const countOf = (outcomes: EvidenceOutcome[], status: EvidenceOutcome['status']) =>
  outcomes.filter((outcome) => outcome.status === status).length;

/**
 * One arrival per claim, its files after the claim's earlier ones, and its audit entry, all in
 * one transaction synced to disk (a person is told the evidence is in). Attaching is clerical,
 * like loading a batch: it needs no key and is recorded under whoever acts. Whether it answers
 * an evidence request is read inside the transaction, so it is the request current at commit.
 */
export function recordDeliveries(
  ctx: ServiceContext,
  source: string,
  deliveries: Delivery[],
): AttachedClaim[] {
  return durableTransaction(ctx.db, () => {
    const at = ctx.now().toISOString();
    const attached = deliveries.map((delivery) => recordOne(ctx, source, at, delivery));
    // A new file can be the same as another claim's (the shared-evidence flag).
    refreshDerivedData(ctx.db);
    return attached;
  });
}

function recordOne(
  ctx: ServiceContext,
  source: string,
  at: string,
  { claimId, outcomes }: Delivery,
): AttachedClaim {
  const current = currentDecisionForClaim(ctx.db, claimId);
  const answersDecisionId = current?.outcome === 'request_evidence' ? current.id : null;
  const counts = {
    stored: countOf(outcomes, 'stored'),
    rejected: countOf(outcomes, 'rejected'),
    missing: countOf(outcomes, 'missing'),
  };
  const arrivalId = insertEvidenceArrival(ctx.db, {
    claimId,
    sourceName: source,
    receivedAt: at,
    recordedBy: ctx.actor,
    answersDecisionId,
    ...counts,
  });
  const first = nextEvidencePosition(ctx.db, claimId);
  outcomes.forEach((outcome, i) =>
    insertArrivedEvidence(ctx.db, { claimId, position: first + i, ...outcome, arrivalId }),
  );
  appendAudit(ctx.db, signerOf(ctx), {
    at,
    action: 'evidence.attached',
    subjectType: 'claim',
    subjectId: claimId,
    details: {
      source,
      arrivalId,
      files: outcomes.map(({ fileName, status, sha256 }) => ({ fileName, status, sha256 })),
      ...counts,
      answersDecisionId,
    },
  });
  return {
    claimId,
    arrivalId,
    ...counts,
    answered: answersDecisionId !== null,
    files: outcomes.map(({ fileName, status, problem }) => ({ fileName, status, problem })),
  };
}
