import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/ipc/meeting-schemas';
import type { MinutesFormat, MinutesVersionDto } from '../../../../shared/ipc/minutes-schemas';
import type { PersonDto, PersonRole } from '../../../../shared/ipc/review-schemas';
import { asApiError, api } from '../../../api/client';
import { useApi } from '../../../api/use-api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { useLocale, type Translate } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/ko';
import { roleLabel } from '../../../i18n/role-label';
import { ApproveConfirm } from './ApproveConfirm';
import { minutesRefusal, type MinutesAction, type MinutesRefusal } from './minutes-refusal';
import { MinutesPreview } from './MinutesPreview';
import { MinutesRefusalNotice } from './MinutesRefusalNotice';
import { MinutesVersionsTable, type RowBusy } from './MinutesVersionsTable';
import { Button } from '../../../components/Button';

/** "The chair (이도윤) ..." or, when nobody holds the role, says that instead of a blank. */
function whoMay(
  t: Translate,
  key: 'minutes.draftWho' | 'minutes.approveWho',
  people: PersonDto[],
  role: PersonRole,
  current: PersonDto | null,
): string {
  const names = people.filter((p) => p.role === role).map((p) => p.name);
  const holders =
    names.length > 0 ? names.join(', ') : t('minutes.nobodyInRole', { role: roleLabel(t, role) });
  const here = current
    ? t('minutes.currentPerson', { name: current.name, role: roleLabel(t, current.role) })
    : t('minutes.noCurrentPerson');
  return `${t(key, { names: holders })} ${here}`;
}

type Notice = { key: MessageKey; params: Record<string, string | number>; testId: string };

/**
 * A closed meeting's minutes: every version with its status and hash, the secretary's "draft"
 * and the chair's "approve" on the latest draft, a print preview and saving as PDF or DOCX.
 * Who may do what is main's rule (secretary or chair drafts, the chair approves); the panel
 * mirrors it so the person sees who may act instead of a refusal, and main still decides.
 */
export function MinutesPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useLocale();
  const { state, reload } = useApi(api.minutes.list, { meetingId: meeting.id });
  const people = useApi(api.people.list, undefined);
  const [drafting, setDrafting] = useState(false);
  const [rowBusy, setRowBusy] = useState<RowBusy>(null);
  const [refusal, setRefusal] = useState<MinutesRefusal | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<MinutesVersionDto | null>(null);
  const [previewing, setPreviewing] = useState<MinutesVersionDto | null>(null);

  const versions = state.status === 'ready' ? state.value.versions : [];
  const nextVersion = (versions[0]?.version ?? 0) + 1;
  const roster = people.state.status === 'ready' ? people.state.value : null;
  const current = roster?.current ?? null;
  const canDraft = current?.role === 'secretary' || current?.role === 'chair';
  const approveBlockedBy =
    roster === null
      ? ''
      : current?.role === 'chair'
        ? null
        : whoMay(t, 'minutes.approveWho', roster.people, 'chair', current);

  /** Runs one request; a refusal replaces the last notice, a success clears the last refusal. */
  async function attempt<T>(action: MinutesAction, request: () => Promise<T>): Promise<T | null> {
    try {
      const result = await request();
      setRefusal(null);
      return result;
    } catch (cause) {
      setNotice(null);
      setRefusal(minutesRefusal(action, asApiError(cause)));
      return null;
    }
  }

  async function draft() {
    setDrafting(true);
    setConfirming(null);
    const result = await attempt('draft', () => api.minutes.draft({ meetingId: meeting.id }));
    setDrafting(false);
    if (!result) return;
    setNotice({
      key: 'minutes.drafted',
      params: { version: result.version.version },
      testId: 'minutes-drafted',
    });
    reload();
  }

  async function approve(version: MinutesVersionDto) {
    setRowBusy({ version: version.version, what: 'approve' });
    const result = await attempt('approve', () =>
      api.minutes.approve({ meetingId: meeting.id, version: version.version }),
    );
    setRowBusy(null);
    setConfirming(null);
    if (result)
      setNotice({
        key: 'minutes.approved',
        params: { version: result.version.version },
        testId: 'minutes-approved',
      });
    // Refused or not, the list is asked again: someone may have drafted or approved meanwhile.
    reload();
  }

  async function save(version: MinutesVersionDto, format: MinutesFormat) {
    setRowBusy({ version: version.version, what: format });
    const result = await attempt('export', () =>
      api.minutes.export({ meetingId: meeting.id, version: version.version, format }),
    );
    setRowBusy(null);
    if (!result) return;
    setNotice(
      result.path === null
        ? { key: 'minutes.exportCancelled', params: {}, testId: 'minutes-export-cancelled' }
        : {
            key: 'minutes.exported',
            params: { version: version.version, format: format.toUpperCase(), path: result.path },
            testId: 'minutes-exported',
          },
    );
  }

  return (
    <section
      className="panel minutes-panel"
      data-testid="minutes-panel"
      aria-labelledby="minutes-panel-title"
    >
      <div className="minutes-panel__head">
        <h3 id="minutes-panel-title" className="detail__subtitle">
          {t('minutes.title')}
        </h3>
        <Button
          variant="primary"
          testId="minutes-draft"
          disabled={!canDraft || drafting || state.status !== 'ready'}
          onClick={() => void draft()}
        >
          {drafting ? t('minutes.drafting') : t('minutes.draft', { version: nextVersion })}
        </Button>
      </div>
      <p className="muted">{t('minutes.intro')}</p>
      {roster && !canDraft && (
        <p className="notice notice--info" role="status" data-testid="minutes-draft-who">
          {whoMay(t, 'minutes.draftWho', roster.people, 'secretary', current)}
        </p>
      )}
      {refusal && <MinutesRefusalNotice refusal={refusal} meeting={meeting} />}
      {notice && (
        <p className="notice notice--success" role="status" data-testid={notice.testId}>
          {t(notice.key, notice.params)}
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === 'ready' && versions.length === 0 && (
        <p className="muted" data-testid="minutes-none">
          {t('minutes.none')}
        </p>
      )}
      {versions.length > 0 && (
        <MinutesVersionsTable
          versions={versions}
          approveBlockedBy={approveBlockedBy}
          busy={rowBusy}
          onPreview={setPreviewing}
          onExport={(version, format) => void save(version, format)}
          onApprove={setConfirming}
        />
      )}
      {confirming && (
        <ApproveConfirm
          version={confirming}
          approving={rowBusy?.what === 'approve'}
          onConfirm={() => void approve(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {previewing && <MinutesPreview version={previewing} onClose={() => setPreviewing(null)} />}
    </section>
  );
}
