import { useId } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { problemsUnder } from './builderErrors';
import type { FieldProblem } from './builderErrors';
import type { ConditionDraft, ConditionOp, FieldDraft } from './builderState';
import { Errors, MultiChoice } from './inputs';
import { useProblemText } from './useFormCheck';

type Props = {
  condition: ConditionDraft;
  /** Earlier fields that can be compared (not money, not files). */
  targets: FieldDraft[];
  problems: FieldProblem[] | undefined;
  onChange: (condition: ConditionDraft) => void;
};

const OPS: ConditionOp[] = ['equals', 'notEquals', 'in'];

/** "Show only when <earlier field> equals / does not equal / is one of …". */
export function ConditionEditor({ condition, targets, problems, onChange }: Props) {
  const t = useT();
  const l = useLocalize();
  const text = useProblemText();
  const id = useId();
  const ref = targets.find((f) => f.key === condition.field);
  const errors = problemsUnder(problems, 'condition').map((p) => text(p.message));
  const first = condition.values[0] ?? '';

  const valueInput = () => {
    if (!condition.field) return null;
    if (ref?.type === 'checkbox') {
      return (
        <select
          id={`${id}-value`}
          className="field__input field__select"
          value={first}
          onChange={(e) => onChange({ ...condition, values: [e.target.value] })}
        >
          <option value="true">{t('admin.condition.checked')}</option>
          <option value="false">{t('admin.condition.unchecked')}</option>
        </select>
      );
    }
    if (ref?.type === 'select' && condition.op === 'in') {
      return (
        <MultiChoice
          legend={t('admin.condition.values')}
          all={ref.options.map((o) => o.value)}
          chosen={condition.values}
          name={(value) => {
            const option = ref.options.find((o) => o.value === value);
            return option && l(option.label) ? `${l(option.label)} (${value})` : value;
          }}
          onChange={(values) => onChange({ ...condition, values })}
        />
      );
    }
    if (ref?.type === 'select') {
      return (
        <select
          id={`${id}-value`}
          className="field__input field__select"
          value={first}
          onChange={(e) => onChange({ ...condition, values: [e.target.value] })}
        >
          <option value="">{t('admin.condition.pick')}</option>
          {ref.options.map((o) => (
            <option key={o.uid} value={o.value}>
              {l(o.label) ? `${l(o.label)} (${o.value})` : o.value}
            </option>
          ))}
        </select>
      );
    }
    return (
      <input
        id={`${id}-value`}
        className="field__input"
        value={condition.op === 'in' ? condition.values.join(',') : first}
        placeholder={condition.op === 'in' ? t('admin.condition.listPlaceholder') : ''}
        onChange={(e) => onChange({ ...condition, values: condition.op === 'in' ? e.target.value.split(',') : [e.target.value] })}
      />
    );
  };

  const showValueLabel = condition.field && !(ref?.type === 'select' && condition.op === 'in');
  return (
    <fieldset className={`admin-condition${errors.length ? ' field--invalid' : ''}`}>
      <legend className="field__label">{t('admin.condition.legend')}</legend>
      <div className="admin-condition__row">
        <div className="field admin-small">
          <label className="field__label" htmlFor={`${id}-field`}>
            {t('admin.condition.field')}
          </label>
          <select
            id={`${id}-field`}
            className="field__input field__select"
            value={condition.field}
            onChange={(e) => {
              const next = targets.find((f) => f.key === e.target.value);
              onChange({
                field: e.target.value,
                op: next?.type === 'checkbox' && condition.op === 'in' ? 'equals' : condition.op,
                values: [next?.type === 'checkbox' ? 'true' : ''],
              });
            }}
          >
            <option value="">{t('admin.condition.none')}</option>
            {condition.field && !ref && <option value={condition.field}>{condition.field}</option>}
            {targets.map((f) => (
              <option key={f.uid} value={f.key}>
                {l(f.label) ? `${l(f.label)} (${f.key})` : f.key}
              </option>
            ))}
          </select>
        </div>
        {condition.field && (
          <div className="field admin-small">
            <label className="field__label" htmlFor={`${id}-op`}>
              {t('admin.condition.op')}
            </label>
            <select
              id={`${id}-op`}
              className="field__input field__select"
              value={condition.op}
              onChange={(e) => onChange({ ...condition, op: e.target.value as ConditionOp })}
            >
              {OPS.filter((op) => op !== 'in' || ref?.type !== 'checkbox').map((op) => (
                <option key={op} value={op}>
                  {t(`admin.condition.op.${op}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {condition.field && (
          <div className="field admin-small admin-condition__value">
            {showValueLabel && (
              <label className="field__label" htmlFor={`${id}-value`}>
                {t('admin.condition.value')}
              </label>
            )}
            {valueInput()}
          </div>
        )}
      </div>
      <Errors errors={errors} />
    </fieldset>
  );
}
