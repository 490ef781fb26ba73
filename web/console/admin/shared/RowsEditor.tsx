import type { ReactNode } from 'react';

/**
 * The admin screens' one editor of a list of rows edited in place: each row drawn by `children`
 * with its own `update`, a remove button under it, an add button at the end (the contacts tab's
 * hotlines, e-mail addresses and social networks).
 */
export function RowsEditor<R>({
  legend,
  rows,
  onChange,
  newRow,
  addLabel,
  removeLabel,
  disabled,
  rowClassName = 'settings-row',
  children,
}: {
  legend: string;
  rows: R[];
  onChange(rows: R[]): void;
  newRow: () => R;
  addLabel: string;
  removeLabel: string;
  disabled: boolean;
  rowClassName?: string;
  children(row: R, update: (patch: Partial<R>) => void, index: number): ReactNode;
}) {
  return (
    <fieldset className="admin-stack" disabled={disabled}>
      <legend className="field__label">{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} className={rowClassName}>
          {children(row, (patch) => onChange(rows.map((x, j) => (j === i ? { ...x, ...patch } : x))), i)}
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {removeLabel}
          </button>
        </div>
      ))}
      <button type="button" className="button button--ghost button--small" onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
