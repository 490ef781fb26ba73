import { useId } from 'react';
import { FIELD_TYPES } from '../../../../common/forms/types';
import type { FieldType } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { Select } from '../../../ui/fields';
import { L10nInputs } from '../shared/L10nInputs';
import { problemsAt, unplacedProblems } from './builderErrors';
import type { FieldProblem } from './builderErrors';
import { changeType } from './builderState';
import type { FieldDraft } from './builderState';
import { ConditionEditor } from './ConditionEditor';
import { FieldHead } from './FieldHead';
import { Check, Errors, SmallField } from './inputs';
import { TypeOptions } from './TypeOptions';
import { useProblemText } from './useFormCheck';

type Props = {
  field: FieldDraft;
  index: number;
  count: number;
  targets: FieldDraft[];
  problems: FieldProblem[] | undefined;
  onChange: (field: FieldDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  expanded: boolean;
  onToggle: () => void;
  /** Shown for reading only (supervisors): no moving or removing, inputs disabled. */
  readOnly: boolean;
};

/** One field of the form: type, key, texts, required / personal, its type's settings and its condition. */
export function FieldEditor({
  field,
  index,
  count,
  targets,
  problems,
  onChange,
  onMove,
  onRemove,
  expanded,
  onToggle,
  readOnly,
}: Props) {
  const t = useT();
  const text = useProblemText();
  const id = useId();
  const at = (path: string) => problemsAt(problems, path).map(text);
  const patch = (p: Partial<FieldDraft>) => onChange({ ...field, ...p });
  const loose = unplacedProblems(problems);
  const invalid = (problems?.length ?? 0) > 0;

  return (
    <li className={`admin-field${invalid ? ' admin-field--invalid' : ''}`} data-testid={`field-editor-${index}`}>
      <FieldHead
        field={field}
        index={index}
        count={count}
        problems={problems}
        expanded={expanded}
        bodyId={`${id}-body`}
        onToggle={onToggle}
        readOnly={readOnly}
        onMove={onMove}
        onRemove={onRemove}
      />
      {expanded && (
        <fieldset className="admin-field__body" id={`${id}-body`} disabled={readOnly}>
          {loose.length > 0 && (
            <ul className="admin-field__problems" role="list">
              {loose.map((p, i) => (
                <li key={i}>
                  {p.path && <code>{p.path}</code>} {text(p.message)}
                </li>
              ))}
            </ul>
          )}
          <div className="admin-field__grid">
            <Select<FieldType>
              className="admin-small"
              id={`${id}-type`}
              label={t('admin.field.type')}
              value={field.type}
              onChange={(type) => onChange(changeType(field, type))}
              options={FIELD_TYPES.map((type) => [type, t(`admin.type.${type}`)] as const)}
            />
            <SmallField
              label={t('admin.field.key')}
              hint={t('admin.field.keyHint')}
              value={field.key}
              mono
              errors={at('key')}
              onChange={(key) => patch({ key })}
            />
          </div>
          <L10nInputs
            legend={t('admin.field.label')}
            required
            value={field.label}
            errors={{ ru: at('label.ru'), uk: at('label.uk'), en: at('label.en') }}
            onChange={(label) => patch({ label })}
          />
          <L10nInputs
            legend={t('admin.field.help')}
            hint={t('admin.field.helpHint')}
            multiline
            value={field.help}
            errors={{ ru: at('help.ru'), uk: at('help.uk'), en: at('help.en') }}
            onChange={(help) => patch({ help })}
          />
          <div className="admin-field__flags">
            <Check label={t('admin.field.required')} checked={field.required} onChange={(required) => patch({ required })} />
            <Check
              label={t('admin.field.personal')}
              hint={t('admin.field.personalHint')}
              checked={field.personal}
              onChange={(personal) => patch({ personal })}
            />
          </div>
          <TypeOptions field={field} problems={problems} onChange={patch} />
          {index > 0 ? (
            <ConditionEditor
              condition={field.condition}
              targets={targets}
              problems={problems}
              onChange={(condition) => patch({ condition })}
            />
          ) : (
            <Errors errors={at('condition')} />
          )}
        </fieldset>
      )}
    </li>
  );
}
