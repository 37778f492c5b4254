import { useState, type FormEvent } from 'react';
import type { PersonRole } from '../../../../shared/ipc/review-schemas';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useT } from '../../../i18n/locale-context';
import { roleLabel } from '../../../i18n/role-label';
import { Fingerprint } from './Fingerprint';
import type { CreatedKey, InspectedKey, RosterView } from './signing-types';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { FactRow } from '../../../components/Facts';

const COUNCIL = '1015 피해지원 협의체';

/** A member from a chosen public key file, or carried over from the current roster by key. */
type Member = { name: string; role: PersonRole; kid: string; fingerprint: string } & (
  { source: 'file'; path: string } | { source: 'roster' }
);
type Signer = Pick<InspectedKey, 'path' | 'name' | 'role' | 'fingerprint' | 'protection'>;
type Built = { path: string; version: number; fingerprint: string; members: number };

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function fromRoster(roster: RosterView | null): Member[] {
  return (roster?.members ?? []).map((m) => ({ ...m, source: 'roster' as const }));
}

/**
 * The secretary's roster: members from public key files (and, for a new version, those of the
 * current roster kept by key), signed in main with the secretary's key. The passphrase goes
 * with the one request and is cleared after it, whatever the outcome.
 */
export function BuildRosterForm({
  roster,
  created,
  onBuilt,
}: {
  roster: RosterView | null;
  created: CreatedKey | null;
  onBuilt: () => void;
}) {
  const t = useT();
  const [council, setCouncil] = useState(roster?.council ?? COUNCIL);
  const [validFrom, setValidFrom] = useState(today);
  // Until the secretary changes the list, it follows the current roster.
  const [edited, setEdited] = useState<Member[] | null>(null);
  const [signer, setSigner] = useState<Signer | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [built, setBuilt] = useState<Built | null>(null);
  const { run, pending: busy, error } = useWrite();
  const [notAKey, setNotAKey] = useState(false);

  const members = edited ?? fromRoster(roster);
  const nextVersion = (roster?.version ?? 0) + 1;
  const addMembers = (added: Member[]) => {
    const known = new Set(members.map((m) => m.kid));
    setEdited([...members, ...added.filter((m) => !known.has(m.kid))]);
  };

  async function chooseMembers() {
    const chosen = await run(() => api.roster.chooseMembers(), { pending: false });
    if (chosen) addMembers(chosen.members.map((m) => ({ ...m, source: 'file' as const })));
  }

  async function chooseSigner() {
    const answer = await run(() => api.keys.inspect({ kind: 'key-file' }), { pending: false });
    if (!answer) return;
    const { key } = answer;
    setNotAKey(key?.file === 'public-key');
    if (key?.file === 'key') setSigner(key);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!signer) return;
    setBuilt(null);
    const answer = await run(() =>
      api.roster.build({
        council: council.trim(),
        validFrom,
        memberFiles: members.flatMap((m) => (m.source === 'file' ? [m.path] : [])),
        keepFromCurrent: members.flatMap((m) => (m.source === 'roster' ? [m.kid] : [])),
        signingKey: signer.path,
        unlock:
          signer.protection === 'os-keychain'
            ? { kind: 'os-keychain' }
            : { kind: 'passphrase', passphrase },
      }),
    );
    if (answer?.built) {
      setBuilt(answer.built);
      setEdited(null);
      onBuilt();
    }
    setPassphrase(''); // whatever the answer
  }

  const hasRoles = (['chair', 'secretary'] as const).every((role) =>
    members.some((m) => m.role === role),
  );
  const ready =
    !busy &&
    council.trim() !== '' &&
    /^\d{4}-\d{2}-\d{2}$/.test(validFrom) &&
    hasRoles &&
    signer !== null &&
    (signer.protection === 'os-keychain' || passphrase !== '');
  const mine = created && !members.some((m) => m.kid === created.kid) ? created : null;

  return (
    <section className="signing-section" aria-labelledby="signing-build-title">
      <h3 id="signing-build-title" className="signing-section__title">
        {t('signing.build.title')}
      </h3>
      <p className="muted">{t('signing.build.intro', { version: nextVersion })}</p>
      <form className="signing-form" onSubmit={(event) => void submit(event)}>
        <div className="signing-form__row">
          <TextField
            label={t('signing.build.council')}
            className="signing-form__wide"
            testId="roster-council"
            value={council}
            maxLength={200}
            onChange={setCouncil}
          />
          <TextField
            label={t('signing.build.validFrom')}
            type="date"
            testId="roster-valid-from"
            value={validFrom}
            onChange={setValidFrom}
          />
        </div>

        <fieldset className="field">
          <legend className="field__label">{t('signing.build.members')}</legend>
          {members.length === 0 ? (
            <p className="muted">{t('signing.build.noMembers')}</p>
          ) : (
            <table className="data-table data-table--compact" data-testid="roster-build-members">
              <tbody>
                {members.map((member) => (
                  <tr key={member.kid} data-testid="roster-build-member">
                    <td>{member.name}</td>
                    <td>{roleLabel(t, member.role)}</td>
                    <td>
                      <Fingerprint value={member.fingerprint} />
                    </td>
                    <td>
                      <Button
                        variant="ghost"
                        small
                        onClick={() => setEdited(members.filter((m) => m.kid !== member.kid))}
                      >
                        {t('signing.build.remove')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {members.length > 0 && !hasRoles && (
            <p className="field-issues__item" data-testid="roster-build-needs">
              {t('signing.build.needs')}
            </p>
          )}
          <div className="button-row signing-form__actions">
            <Button
              variant="secondary"
              testId="roster-add-members"
              onClick={() => void chooseMembers()}
            >
              {t('signing.build.addMembers')}
            </Button>
            {mine && (
              <Button
                variant="ghost"
                testId="roster-add-mine"
                onClick={() => addMembers([{ ...mine, source: 'file', path: mine.publicKeyFile }])}
              >
                {t('signing.build.addMine', { name: mine.name })}
              </Button>
            )}
          </div>
        </fieldset>

        <fieldset className="field">
          <legend className="field__label">{t('signing.build.signer')}</legend>
          {signer ? (
            <p data-testid="roster-signer">
              <strong>{signer.name}</strong> ({roleLabel(t, signer.role)}){' '}
              <Fingerprint value={signer.fingerprint} />
            </p>
          ) : (
            <p className="muted">{t('signing.build.noSigner')}</p>
          )}
          {notAKey && (
            <p className="field-issues__item" data-testid="roster-signer-not-key">
              {t('signing.build.notAKeyFile')}
            </p>
          )}
          {signer && signer.role !== 'secretary' && (
            <p className="field-issues__item">{t('signing.build.notSecretary')}</p>
          )}
          <div className="button-row signing-form__actions">
            <Button
              variant="secondary"
              testId="roster-choose-signer"
              onClick={() => void chooseSigner()}
            >
              {t('signing.build.chooseSigner')}
            </Button>
            {created && created.keyFile !== signer?.path && (
              <Button
                variant="ghost"
                testId="roster-use-mine"
                onClick={() => setSigner({ ...created, path: created.keyFile })}
              >
                {t('signing.build.useMine')}
              </Button>
            )}
          </div>
          {signer?.protection === 'passphrase' && (
            <TextField
              label={t('signing.build.passphrase', { name: signer.name })}
              className="signing-form__passphrase"
              type="password"
              autoComplete="off"
              testId="roster-passphrase"
              value={passphrase}
              onChange={setPassphrase}
            />
          )}
          {signer?.protection === 'os-keychain' && (
            <p className="field__hint">{t('signing.build.keychain')}</p>
          )}
        </fieldset>

        <Button variant="primary" type="submit" testId="roster-build" disabled={!ready}>
          {busy ? t('signing.build.working') : t('signing.build.submit', { version: nextVersion })}
        </Button>
      </form>
      {error && <ErrorNotice error={error} testId="roster-build-error" />}
      {built && (
        <div className="signing-result" role="status" data-testid="roster-built">
          <p className="signing-result__title">
            {t('signing.build.done', { version: built.version, members: built.members })}
          </p>
          <Fingerprint value={built.fingerprint} large testId="roster-built-fingerprint" />
          <dl className="facts">
            <FactRow term={t('signing.build.savedAt')} className="mono break-all">
              {built.path}
            </FactRow>
          </dl>
        </div>
      )}
    </section>
  );
}
