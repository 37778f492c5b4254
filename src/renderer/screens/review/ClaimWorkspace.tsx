import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { SupportCalculation, SupportPolicy } from '../../../shared/domain/support-policy';
import { fixedSupportFor } from '../../../shared/domain/tier';
import { formatKrw } from '../../../shared/domain/money';
import type { DecisionRecordDto } from '../../../shared/ipc/schemas';
import { api } from '../../api/client';
import { useWrite } from '../../api/use-write';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n/locale-context';
import { SupportCalculator } from './calculator/SupportCalculator';
import { ClaimFacts } from './ClaimFacts';
import { ClaimFlags } from './ClaimFlags';
import { DecisionForm, type DecisionFormCommands } from './DecisionForm';
import { DecisionHistory } from './DecisionHistory';
import { EvidenceViewer } from './evidence/EvidenceViewer';
import { AttachEvidence } from './supplements/AttachEvidence';
import { CorrectClaim } from './corrections/CorrectClaim';
import { AppealPanel } from './appeals/AppealPanel';
import { useSecretariat } from './use-secretariat';
import { ClaimTimeline } from './history/ClaimTimeline';
import type { ReviewCommands } from './keyboard/shortcuts';
import { MemberRecommendations } from './recommendations/MemberRecommendations';
import { Button } from '../../components/Button';

export type ClaimCommands = Pick<
  ReviewCommands,
  | 'nextEvidence'
  | 'previousEvidence'
  | 'focusEvidence'
  | 'focusCalculator'
  | 'focusDecision'
  | 'chooseOutcome'
  | 'saveDecision'
  | 'focusHistory'
  | 'revealContact'
>;

/**
 * One open claim: its evidence on the left, on the right its facts, the calculator, the
 * decision form and its history. Mounted per claim (keyed by id), so nothing typed for one
 * claim can end up on another.
 */
export function ClaimWorkspace({
  claimId,
  policy,
  recommendationsVersion = 0,
  commands,
  onClose,
  onDecisionSaved,
  onClaimChanged,
}: {
  claimId: string;
  policy: SupportPolicy | null;
  /** Changes when members' files were imported, so their recommendations are read again. */
  recommendationsVersion?: number;
  commands: Ref<ClaimCommands>;
  onClose: () => void;
  onDecisionSaved: (record: DecisionRecordDto) => void;
  /** New evidence or a correction may move the claim between views: the grid asks again. */
  onClaimChanged: () => void;
}) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const { state, reload } = useApi(api.claims.get, { claimId }, version);
  const [activeEvidence, setActiveEvidence] = useState(0);
  const [recommendation, setRecommendation] = useState<SupportCalculation | null>(null);
  const [contact, setContact] = useState<string | null | undefined>(undefined);
  const { run, error: revealError } = useWrite();
  const [saved, setSaved] = useState<DecisionRecordDto | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const timeline = useRef<HTMLElement>(null);
  const form = useRef<DecisionFormCommands | null>(null);
  const touched = () => setVersion((v) => v + 1);
  const secretariat = useSecretariat();
  /** Evidence, a correction or an appeal changed the claim: read it, its history and the grid again. */
  const claimChanged = () => {
    reload();
    touched();
    onClaimChanged();
  };

  const claim = state.status === 'ready' ? state.value : null;
  const evidenceCount = claim?.evidence.length ?? 0;
  const focusIn = (selector: string) => root.current?.querySelector<HTMLElement>(selector)?.focus();

  async function reveal() {
    const result = await run(() => api.claims.revealContact({ claimId }));
    if (!result) return;
    setContact(result.contact);
    touched();
  }

  function showEvidence(index: number) {
    setActiveEvidence(index);
    // Opening a file writes "evidence viewed"; let the timeline catch up.
    window.setTimeout(touched, 400);
  }

  useImperativeHandle(commands, () => ({
    nextEvidence: () => evidenceCount > 0 && showEvidence((activeEvidence + 1) % evidenceCount),
    previousEvidence: () =>
      evidenceCount > 0 && showEvidence((activeEvidence - 1 + evidenceCount) % evidenceCount),
    focusEvidence: () => focusIn('[data-testid="evidence-panel"]'),
    focusCalculator: () => focusIn('[data-testid="calculator-verified-loss"]'),
    focusDecision: () => form.current?.focus(),
    chooseOutcome: (outcome) => form.current?.chooseOutcome(outcome),
    saveDecision: () => form.current?.save(),
    focusHistory: () => {
      timeline.current?.focus();
      timeline.current?.scrollIntoView({ block: 'start' });
    },
    revealContact: () => void reveal(),
  }));

  function handleSaved(record: DecisionRecordDto) {
    setSaved(record);
    reload();
    touched();
    onDecisionSaved(record);
  }

  return (
    <div className="claim-workspace" ref={root} data-testid="claim-workspace">
      <div className="claim-workspace__evidence">
        {claim && (
          <EvidenceViewer
            claimId={claimId}
            evidence={claim.evidence}
            active={Math.min(activeEvidence, Math.max(0, evidenceCount - 1))}
            onActiveChange={showEvidence}
          />
        )}
      </div>
      <aside
        className="panel detail claim-workspace__panel"
        aria-labelledby="claim-detail-title"
        data-testid="claim-detail"
        data-claim-id={claimId}
      >
        <header className="detail__header">
          <h2 id="claim-detail-title" className="panel__title">
            {t('review.detail.title', { claimId })}
          </h2>
          <Button variant="ghost" onClick={onClose}>
            {t('review.detail.close')} <kbd>Esc</kbd>
          </Button>
        </header>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
        {claim && (
          <>
            <ClaimFacts claim={claim} contact={contact} onReveal={() => void reveal()} />
            {revealError && <ErrorNotice error={revealError} />}
            <ClaimFlags flags={claim.flags} />
            {claim.tier === 'committee_review' && policy && (
              <SupportCalculator
                claim={claim}
                policy={policy}
                onRecommended={(calculation) => {
                  setRecommendation(calculation);
                  touched();
                }}
              />
            )}
            {claim.tier === 'committee_review' && (
              <MemberRecommendations claimId={claimId} version={recommendationsVersion} />
            )}
            <DecisionHistory
              decisions={claim.decisions}
              cosignedDecisionIds={claim.cosignedDecisionIds}
            />
            {saved && (
              <p className="notice notice--success" role="status" data-testid="save-status">
                {t('review.form.saved', { id: saved.id })}
              </p>
            )}
            {claim.tier === 'committee_review' ? (
              <DecisionForm
                // A new current decision changes what the draft must replace: start afresh.
                key={claim.decisions.at(-1)?.id ?? 'first'}
                claim={claim}
                recommendation={recommendation}
                commands={form}
                onSaved={handleSaved}
                onEdit={() => setSaved(null)}
              />
            ) : (
              <NoDecisionNeeded tierFixedSupport={fixedSupportFor(claim.tier)} />
            )}
            <AttachEvidence
              // A decision after the files came answers them: what the attachment said
              // ("back in the queue") would read stale, so the panel starts afresh.
              key={`attach-after-${claim.decisions.at(-1)?.id ?? 'none'}`}
              claimId={claimId}
              onAttached={claimChanged}
            />
            {secretariat && (
              <>
                <CorrectClaim claimId={claimId} onCorrected={claimChanged} />
                <AppealPanel claimId={claimId} onChanged={claimChanged} />
              </>
            )}
            <ClaimTimeline ref={timeline} claimId={claimId} version={version} />
          </>
        )}
      </aside>
    </div>
  );
}

function NoDecisionNeeded({ tierFixedSupport }: { tierFixedSupport: number | null }) {
  const t = useT();
  return (
    <div className="notice notice--info" data-testid="no-decision-needed">
      <p>{t('review.detail.notReviewable')}</p>
      {tierFixedSupport !== null && (
        <p data-testid="fixed-support">
          {t('review.detail.fixedSupport', { amount: formatKrw(tierFixedSupport) })}
        </p>
      )}
    </div>
  );
}
