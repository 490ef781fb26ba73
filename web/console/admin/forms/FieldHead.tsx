import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import type { FieldProblem } from './builderErrors';
import type { FieldDraft } from './builderState';
import { useProblemText } from './useFormCheck';

type Props = {
  field: FieldDraft;
  index: number;
  count: number;
  problems: FieldProblem[] | undefined;
  expanded: boolean;
  bodyId: string;
  onToggle: () => void;
  readOnly: boolean;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

/** The always-visible line of a field: number, label, type, key, flags, and its tools. */
export function FieldHead({ field, index, count, problems, expanded, bodyId, onToggle, readOnly, onMove, onRemove }: Props) {
  const t = useT();
  const l = useLocalize();
  const text = useProblemText();
  const title = l(field.label).trim() || t('admin.field.untitled');
  const errors = problems ?? [];

  return (
    <>
      <div className="admin-field__head">
        <span className="admin-field__number">{index + 1}</span>
        <button type="button" className="admin-field__toggle" aria-expanded={expanded} aria-controls={bodyId} onClick={onToggle}>
          <span className="admin-field__title">
            {title}
            {field.required && (
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            )}
          </span>
          <span className="admin-field__meta">
            {t(`admin.type.${field.type}`)} · <code>{field.key || '—'}</code>
            {field.condition.field && ` · ${t('admin.field.conditional')}`}
            {field.personal && ` · ${t('admin.field.personalShort')}`}
          </span>
        </button>
        {errors.length > 0 && (
          <span className="badge admin-badge--danger">{t('admin.field.hasErrors', { count: errors.length })}</span>
        )}
        <div className="admin-field__tools">
          <button
            type="button"
            className="button button--ghost button--small"
            aria-controls={bodyId}
            aria-expanded={expanded}
            onClick={onToggle}
          >
            {expanded ? t('admin.field.collapse') : readOnly ? t('admin.field.show') : t('admin.field.expand')}
          </button>
          {!readOnly && (
            <>
              <button
                type="button"
                className="admin-icon-button"
                aria-label={t('admin.field.up', { name: title })}
                disabled={index === 0}
                onClick={() => onMove(-1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="admin-icon-button"
                aria-label={t('admin.field.down', { name: title })}
                disabled={index === count - 1}
                onClick={() => onMove(1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="admin-icon-button admin-icon-button--danger"
                aria-label={t('admin.field.remove', { name: title })}
                onClick={onRemove}
              >
                ×
              </button>
            </>
          )}
        </div>
      </div>
      {!expanded && errors.length > 0 && (
        <ul className="admin-field__problems">
          {errors.map((p, i) => (
            <li key={i}>
              {p.path && <code>{p.path}</code>} {text(p.message)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
