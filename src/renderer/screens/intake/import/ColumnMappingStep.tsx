import {
  BATCH_FIELDS,
  FIELD_HEADERS,
  REQUIRED_FIELDS,
  type BatchField,
  type ColumnMapping,
} from '../../../../shared/domain/batch-format';
import type { ImportInspection } from '../../../../shared/ipc/intake-schemas';
import { useLocale } from '../../../i18n/locale-context';
import type { MappingProblems } from './mapping-check';

const IGNORE = '';
const SAMPLE_VALUES = 3;

/** "접수번호 (claim_id)": the Korean header the intake side writes and the field key. */
export function useFieldName(): (field: BatchField) => string {
  const { locale } = useLocale();
  return (field) => {
    const header = FIELD_HEADERS[field].ko;
    return locale === 'ko' ? `${header} (${field})` : `${field} (${header})`;
  };
}

/** One row per column of the file: what it holds (samples) and which field it feeds. */
export function ColumnMappingStep({
  inspection,
  mapping,
  problems,
  onChange,
}: {
  inspection: ImportInspection;
  mapping: ColumnMapping;
  problems: MappingProblems;
  onChange: (header: string, field: BatchField | null) => void;
}) {
  const { t } = useLocale();
  const fieldName = useFieldName();
  const unknown = new Set(inspection.unknownHeaders);
  const duplicated = new Set(problems.duplicates.flatMap((d) => d.headers));

  return (
    <div className="table-scroll" data-testid="column-mapping">
      <table className="data-table mapping-table">
        <caption className="visually-hidden">{t('intake.import.mapping.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intake.import.mapping.header')}</th>
            <th scope="col">{t('intake.import.mapping.field')}</th>
            <th scope="col">{t('intake.import.mapping.samples')}</th>
          </tr>
        </thead>
        <tbody>
          {inspection.headers.map((header, index) => {
            const selectId = `mapping-field-${index}`;
            const isUnknown = unknown.has(header);
            const samples = inspection.sampleRows
              .slice(0, SAMPLE_VALUES)
              .map((row) => row[header] ?? '')
              .filter((value) => value !== '');
            return (
              <tr
                key={`${index}-${header}`}
                className={isUnknown ? 'mapping-table__row--unknown' : undefined}
                data-testid={`mapping-row-${index}`}
                data-unknown={isUnknown ? 'true' : undefined}
              >
                <th scope="row" className="mapping-table__header">
                  <label htmlFor={selectId}>
                    {header === '' ? t('intake.import.mapping.blank') : header}
                  </label>
                  {isUnknown && (
                    <span className="badge badge--unknown">
                      {t('intake.import.mapping.unknown')}
                    </span>
                  )}
                </th>
                <td>
                  <select
                    id={selectId}
                    className="select"
                    data-testid={`mapping-select-${index}`}
                    aria-invalid={duplicated.has(header) ? true : undefined}
                    value={mapping[header] ?? IGNORE}
                    onChange={(event) =>
                      onChange(
                        header,
                        event.target.value === IGNORE ? null : (event.target.value as BatchField),
                      )
                    }
                  >
                    <option value={IGNORE}>{t('intake.import.mapping.ignore')}</option>
                    {BATCH_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {REQUIRED_FIELDS.includes(field)
                          ? `${fieldName(field)} · ${t('intake.import.mapping.required')}`
                          : fieldName(field)}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="wrap muted">
                  {samples.length > 0 ? samples.join(' · ') : t('intake.import.mapping.noSamples')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Why the import cannot start yet; null when the mapping is complete. */
export function MappingProblemsNotice({ problems }: { problems: MappingProblems }) {
  const { t } = useLocale();
  const fieldName = useFieldName();
  if (problems.missingRequired.length === 0 && problems.duplicates.length === 0) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="mapping-problems">
      <p className="notice__title">{t('intake.import.mapping.blocked')}</p>
      <ul className="notice__issues">
        {problems.missingRequired.map((field) => (
          <li key={`missing-${field}`} data-testid={`missing-${field}`}>
            {t('intake.import.mapping.missing', { field: fieldName(field) })}
          </li>
        ))}
        {problems.duplicates.map(({ field, headers }) => (
          <li key={`duplicate-${field}`} data-testid={`duplicate-${field}`}>
            {t('intake.import.mapping.duplicate', {
              field: fieldName(field),
              headers: headers.join(', '),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
