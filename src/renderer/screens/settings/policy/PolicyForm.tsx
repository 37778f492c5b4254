import { useState } from 'react';
import {
  POLICY_TABLE_KEYS,
  POLICY_TABLES,
  ROUNDING_MODES,
  ROUNDING_UNITS,
  type RoundingMode,
  type SupportPolicy,
} from '../../../../shared/domain/support-policy';
import { formatKrw } from '../../../../shared/domain/money';
import { api } from '../../../api/client';
import { useWrite } from '../../../api/use-write';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useLocale } from '../../../i18n/locale-context';
import {
  checkPolicyForm,
  formFromBody,
  issuesFromApi,
  parseIssuePath,
  type FormIssue,
  type PolicyForm as PolicyFormState,
  type RoundingUnit,
} from './policy-form';
import { PolicyTableEditor } from './PolicyTableEditor';
import { Button } from '../../../components/Button';
import { Options, SelectField, TextAreaField, TextField } from '../../../components/Field';

/**
 * An edited copy of the latest version, saved as the next one. Mounted with the latest
 * version as its React key, so a newer version (after a save or a reload) starts it afresh.
 */
export function PolicyForm({
  latest,
  onSaved,
  onReload,
  onEdit,
}: {
  latest: SupportPolicy;
  onSaved: (policy: SupportPolicy) => void;
  /** Fetches the versions again: after a conflict, the newer version replaces this copy. */
  onReload: () => void;
  onEdit: () => void;
}) {
  const { t, label } = useLocale();
  const [form, setForm] = useState<PolicyFormState>(() => formFromBody(latest.body));
  const { run, pending: busy, error, clearError } = useWrite();
  // The note is only called missing once someone tries to save: not while they are still editing.
  const [attempted, setAttempted] = useState(false);

  const check = checkPolicyForm(form);
  const noteMissing = form.note.trim() === '';
  const issues: FormIssue[] = [
    ...check.issues,
    ...(attempted && noteMissing
      ? [{ path: 'note', code: 'note_required', message: t('policy.editor.noteRequired') }]
      : []),
    ...(error ? issuesFromApi(error.issues) : []),
  ];

  function update(patch: Partial<PolicyFormState>) {
    setForm((previous) => ({ ...previous, ...patch }));
    clearError();
    onEdit();
  }

  async function save() {
    setAttempted(true);
    const { body } = check;
    if (busy || body === null || noteMissing) return;
    // Stays busy after a success: the new version remounts this form (it is the React key).
    const created = await run(
      () => api.policy.create({ basedOn: latest.version, note: form.note.trim(), body }),
      { holdOnSuccess: true },
    );
    if (created) onSaved(created);
  }

  function where(path: string): string {
    const parsed = parseIssuePath(path);
    if (!parsed) {
      const field: Record<string, string> = {
        note: t('policy.editor.note'),
        rounding: t('policy.editor.roundingMode'),
        minimumAmount: t('policy.editor.minimum'),
        maximumAmount: t('policy.editor.maximum'),
      };
      return field[path] ?? path;
    }
    const table = t(`policy.table.${parsed.table}`);
    if (parsed.row === null) return table;
    const columns: Record<string, string> = {
      key: t(
        POLICY_TABLE_KEYS[parsed.table] === 'industry'
          ? 'policy.editor.col.industry'
          : 'policy.editor.col.service',
      ),
      factorBp: t('policy.editor.col.factor'),
      source: t('policy.editor.col.source'),
    };
    const column = parsed.column === null ? '' : (columns[parsed.column] ?? parsed.column);
    return t('policy.editor.cellLabel', { table, row: parsed.row + 1, column }).trim();
  }

  const fieldInvalid = (path: string) => issues.some((issue) => issue.path === path) || undefined;

  return (
    <div className="policy-form">
      <p className="field__hint">
        {t('policy.editor.editing', { version: latest.version, next: latest.version + 1 })}{' '}
        {t('policy.editor.fallbackHint')}
      </p>

      {POLICY_TABLES.map((table) => (
        <PolicyTableEditor
          key={table}
          table={table}
          rows={form.tables[table]}
          issues={issues}
          onChange={(rows) => update({ tables: { ...form.tables, [table]: rows } })}
        />
      ))}

      <fieldset className="field">
        <legend className="field__label">{t('policy.editor.limits')}</legend>
        <div className="policy-form__limits">
          <SelectField
            label={t('policy.editor.roundingMode')}
            inline
            value={form.roundingMode}
            onChange={(value) => update({ roundingMode: value as RoundingMode })}
          >
            <Options
              values={ROUNDING_MODES}
              optionLabel={(mode) => t(`policy.editor.mode.${mode}`)}
            />
          </SelectField>
          <SelectField
            label={t('policy.editor.roundingUnit')}
            inline
            value={form.roundingUnit}
            onChange={(value) => update({ roundingUnit: Number(value) as RoundingUnit })}
          >
            <Options values={ROUNDING_UNITS} optionLabel={(unit) => formatKrw(unit)} />
          </SelectField>
          <TextField
            label={t('policy.editor.minimum')}
            inline
            inputClassName="input--amount"
            type="text"
            value={form.minimumText}
            aria-invalid={fieldInvalid('minimumAmount')}
            onChange={(value) => update({ minimumText: value })}
          />
          <TextField
            label={t('policy.editor.maximum')}
            inline
            inputClassName="input--amount"
            type="text"
            value={form.maximumText}
            placeholder={t('policy.editor.maximum.hint')}
            aria-invalid={fieldInvalid('maximumAmount')}
            onChange={(value) => update({ maximumText: value })}
          />
        </div>
      </fieldset>

      <TextAreaField
        id="policy-note"
        label={t('policy.editor.note')}
        rows={2}
        required
        testId="policy-note"
        value={form.note}
        aria-invalid={fieldInvalid('note')}
        aria-describedby="policy-note-hint"
        onChange={(value) => update({ note: value })}
      >
        <p id="policy-note-hint" className="field__hint">
          {t('policy.editor.note.hint')}
        </p>
      </TextAreaField>

      {issues.length > 0 && (
        <div className="policy-form__issues" role="alert" data-testid="policy-issues">
          <p className="field__label">{t('policy.editor.issues')}</p>
          <ul className="field-issues">
            {issues.map((issue, index) => (
              <li
                key={`${issue.path}-${issue.code}-${index}`}
                className="field-issues__item"
                data-issue={issue.code}
              >
                {where(issue.path)}:{' '}
                {typeof issue.message === 'string' ? issue.message : label(issue.message)}
              </li>
            ))}
          </ul>
        </div>
      )}

      {error && (
        <>
          {/* Rule breaks are listed above, in the form's own terms; other errors show here. */}
          {(error.issues.length === 0 ||
            (error.code !== 'validation_failed' && error.code !== 'invalid_payload')) && (
            <ErrorNotice error={error} testId="policy-error" />
          )}
          {error.code === 'conflict' && (
            <div className="notice notice--info">
              <p>{t('policy.editor.conflictHint')}</p>
              <Button variant="secondary" onClick={onReload}>
                {t('policy.editor.reload')}
              </Button>
            </div>
          )}
        </>
      )}

      <div className="button-row">
        <Button variant="primary" testId="policy-save" disabled={busy} onClick={() => void save()}>
          {busy ? t('policy.editor.saving') : t('policy.editor.save')}
        </Button>
        <Button
          variant="ghost"
          disabled={busy}
          onClick={() => {
            setForm(formFromBody(latest.body));
            setAttempted(false);
            clearError();
            onEdit();
          }}
        >
          {t('policy.editor.reset')}
        </Button>
      </div>
    </div>
  );
}
