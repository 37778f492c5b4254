import { useEffect, useRef, useState } from 'react';
import {
  DEFAULT_ROW_KEY,
  POLICY_TABLE_KEYS,
  type PolicyTable,
} from '../../../../shared/domain/support-policy';
import { useLocale } from '../../../i18n/locale-context';
import { newRow, type EditRow, type FormIssue } from './policy-form';

type Column = 'key' | 'factorBp' | 'source';

/** One factor table as editable rows: key, factor as a percentage, and its source. */
export function PolicyTableEditor({
  table,
  rows,
  issues,
  onChange,
}: {
  table: PolicyTable;
  rows: EditRow[];
  issues: FormIssue[];
  onChange: (rows: EditRow[]) => void;
}) {
  const { t } = useLocale();
  const tableLabel = t(`policy.table.${table}`);
  const keyLabel = t(
    POLICY_TABLE_KEYS[table] === 'industry'
      ? 'policy.editor.col.industry'
      : 'policy.editor.col.service',
  );
  const columnLabel: Record<Column, string> = {
    key: keyLabel,
    factorBp: t('policy.editor.col.factor'),
    source: t('policy.editor.col.source'),
  };
  const invalid = (index: number, column: Column) =>
    issues.some((issue) => issue.path === `${table}.${index}.${column}`) || undefined;
  const cellLabel = (index: number, column: Column) =>
    t('policy.editor.cellLabel', {
      table: tableLabel,
      row: index + 1,
      column: columnLabel[column],
    });

  // A new row takes the keyboard focus, so adding one never strands a keyboard user.
  const [addedId, setAddedId] = useState<number | null>(null);
  const tbody = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (addedId === null) return;
    tbody.current?.querySelector<HTMLInputElement>(`[data-row-id="${addedId}"]`)?.focus();
  }, [addedId]);

  function addRow() {
    const row = newRow();
    // New rows go above the "*" row, which reads best last, as the fallback.
    const fallback = rows.findIndex((other) => other.key.trim() === DEFAULT_ROW_KEY);
    const at = fallback < 0 ? rows.length : fallback;
    onChange([...rows.slice(0, at), row, ...rows.slice(at)]);
    setAddedId(row.id);
  }

  function update(id: number, patch: Partial<EditRow>) {
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  }

  return (
    <fieldset className="field policy-table" data-testid={`policy-table-${table}`}>
      <legend className="field__label">{tableLabel}</legend>
      <div className="table-scroll">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">{keyLabel}</th>
              <th scope="col" className="num">
                {columnLabel.factorBp}
              </th>
              <th scope="col">{columnLabel.source}</th>
              <th scope="col">
                <span className="visually-hidden">{t('policy.editor.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {rows.map((row, index) => (
              <tr key={row.id}>
                <td>
                  <input
                    className="input policy-table__key"
                    type="text"
                    value={row.key}
                    data-row-id={row.id}
                    aria-label={cellLabel(index, 'key')}
                    aria-invalid={invalid(index, 'key')}
                    onChange={(event) => update(row.id, { key: event.target.value })}
                  />
                </td>
                <td className="num">
                  <input
                    className="input policy-table__factor"
                    type="text"
                    inputMode="decimal"
                    value={row.percentText}
                    aria-label={cellLabel(index, 'factorBp')}
                    aria-invalid={invalid(index, 'factorBp')}
                    onChange={(event) => update(row.id, { percentText: event.target.value })}
                  />
                </td>
                <td className="wrap">
                  <input
                    className="input policy-table__source"
                    type="text"
                    value={row.source}
                    aria-label={cellLabel(index, 'source')}
                    aria-invalid={invalid(index, 'source')}
                    onChange={(event) => update(row.id, { source: event.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={t('policy.editor.removeRowLabel', {
                      table: tableLabel,
                      row: index + 1,
                    })}
                    onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
                  >
                    {t('policy.editor.removeRow')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        className="button button--secondary button--small policy-table__add"
        aria-label={t('policy.editor.addRowLabel', { table: tableLabel })}
        data-testid={`policy-add-row-${table}`}
        onClick={addRow}
      >
        {t('policy.editor.addRow')}
      </button>
    </fieldset>
  );
}
