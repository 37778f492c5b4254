import { useState } from 'react';
import type { BatchField, ColumnMapping } from '../../../../shared/domain/batch-format';
import type { ImportInspection } from '../../../../shared/ipc/intake-schemas';
import { useT } from '../../../i18n/locale-context';
import { ColumnMappingStep, MappingProblemsNotice } from './ColumnMappingStep';
import { checkMapping, hasProblems, mappingFromInspection } from './mapping-check';
import { loadSavedMapping, saveMapping } from './saved-mappings';
import { Options, SelectField } from '../../../components/Field';
import { encodingKey } from '../encoding-label';

/**
 * The step between choosing a file and importing it: what main detected, the column mapping
 * (a saved one for the same header list is applied at once), and the start button. Mounted
 * per inspection, so a new file or sheet starts from its own detection.
 */
export function ImportSetup({
  inspection,
  sheet,
  busy,
  onSheet,
  onStart,
}: {
  inspection: ImportInspection;
  sheet: string | null;
  busy: boolean;
  onSheet: (sheet: string) => void;
  onStart: (mapping: ColumnMapping) => void;
}) {
  const t = useT();
  const [saved] = useState(() => loadSavedMapping(inspection.headers));
  const [mapping, setMapping] = useState<ColumnMapping>(
    () => saved ?? mappingFromInspection(inspection),
  );
  const [remember, setRemember] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const problems = checkMapping(mapping);
  const blocked = hasProblems(problems);

  function change(header: string, field: BatchField | null) {
    setMapping((current) => ({ ...current, [header]: field }));
  }

  function start() {
    if (blocked) return;
    if (remember) setSaveFailed(!saveMapping(inspection.headers, mapping));
    onStart(mapping);
  }

  return (
    <div className="import-setup">
      <dl className="import-facts" data-testid="import-detected">
        <div>
          <dt>{t('intake.import.detected.format')}</dt>
          <dd data-testid="detected-format">{inspection.format.toUpperCase()}</dd>
        </div>
        <div>
          <dt>{t('intake.import.detected.encoding')}</dt>
          <dd data-testid="detected-encoding">{t(encodingKey(inspection.encoding))}</dd>
        </div>
        <div>
          <dt>{t('intake.import.detected.columns')}</dt>
          <dd>{inspection.headers.length}</dd>
        </div>
      </dl>

      {inspection.sheets.length > 1 && (
        <SelectField
          label={t('intake.import.sheet')}
          inline
          testId="import-sheet"
          value={sheet ?? inspection.sheets[0]}
          disabled={busy}
          onChange={(value) => onSheet(value)}
        >
          <Options values={inspection.sheets} optionLabel={(name) => name} />
        </SelectField>
      )}

      <h3 className="import-step__title">{t('intake.import.mapping.title')}</h3>
      <p className="muted">{t('intake.import.mapping.intro')}</p>
      {saved && (
        <p className="notice notice--info" role="status" data-testid="saved-mapping-applied">
          {t('intake.import.mapping.savedApplied')}
        </p>
      )}
      <ColumnMappingStep
        inspection={inspection}
        mapping={mapping}
        problems={problems}
        onChange={change}
      />
      <MappingProblemsNotice problems={problems} />

      <label className="choice">
        <input
          type="checkbox"
          data-testid="save-mapping"
          checked={remember}
          onChange={(event) => setRemember(event.target.checked)}
        />
        {t('intake.import.mapping.save')}
      </label>
      {saveFailed && (
        <p className="field-issues__item" role="alert">
          {t('intake.import.mapping.saveFailed')}
        </p>
      )}

      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          data-testid="start-import"
          disabled={blocked || busy}
          aria-describedby={blocked ? 'start-import-blocked' : undefined}
          onClick={start}
        >
          {busy ? t('intake.import.starting') : t('intake.import.start')}
        </button>
        {blocked && (
          <span id="start-import-blocked" className="muted">
            {t('intake.import.mapping.fixFirst')}
          </span>
        )}
      </div>
    </div>
  );
}
