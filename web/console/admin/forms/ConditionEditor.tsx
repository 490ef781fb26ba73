import { useId } from 'react';
import { useT } from '../../../i18n/I18nProvider';
import { useLocalize } from '../../../i18n/useLocalize';
import { Select, TextField } from '../../../ui/fields';
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

  const valueFrame = {
    className: 'admin-small admin-condition__value',
    id: `${id}-value`,
    label: t('admin.condition.value'),
  } as const;
  const setValue = (value: string) => onChange({ ...condition, values: [value] });
  const valueInput = () => {
    if (ref?.type === 'checkbox') {
      return (
        <Select
          {...valueFrame}
          value={first}
          onChange={setValue}
          options={[
            ['true', t('admin.condition.checked')],
            ['false', t('admin.condition.unchecked')],
          ]}
        />
      );
    }
    if (ref?.type === 'select' && condition.op === 'in') {
      return (
        <div className={valueFrame.className}>
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
        </div>
      );
    }
    if (ref?.type === 'select') {
      return (
        <Select
          {...valueFrame}
          value={first}
          onChange={setValue}
          options={[
            ['', t('admin.condition.pick')],
            ...ref.options.map((o) => [o.value, l(o.label) ? `${l(o.label)} (${o.value})` : o.value] as const),
          ]}
        />
      );
    }
    return (
      <TextField
        {...valueFrame}
        value={condition.op === 'in' ? condition.values.join(',') : first}
        placeholder={condition.op === 'in' ? t('admin.condition.listPlaceholder') : ''}
        onChange={(e) => onChange({ ...condition, values: condition.op === 'in' ? e.target.value.split(',') : [e.target.value] })}
      />
    );
  };

  return (
    <fieldset className={`admin-condition${errors.length ? ' field--invalid' : ''}`}>
      <legend className="field__label">{t('admin.condition.legend')}</legend>
      <div className="admin-condition__row">
        <Select
          className="admin-small"
          id={`${id}-field`}
          label={t('admin.condition.field')}
          value={condition.field}
          onChange={(key) => {
            const next = targets.find((f) => f.key === key);
            onChange({
              field: key,
              op: next?.type === 'checkbox' && condition.op === 'in' ? 'equals' : condition.op,
              values: [next?.type === 'checkbox' ? 'true' : ''],
            });
          }}
          options={[
            ['', t('admin.condition.none')],
            // A condition on a field that is gone (renamed, removed) still shows what it was.
            ...(condition.field && !ref ? [[condition.field, condition.field] as const] : []),
            ...targets.map((f) => [f.key, l(f.label) ? `${l(f.label)} (${f.key})` : f.key] as const),
          ]}
        />
        {condition.field && (
          <Select<ConditionOp>
            className="admin-small"
            id={`${id}-op`}
            label={t('admin.condition.op')}
            value={condition.op}
            onChange={(op) => onChange({ ...condition, op })}
            options={OPS.filter((op) => op !== 'in' || ref?.type !== 'checkbox').map(
              (op) => [op, t(`admin.condition.op.${op}`)] as const,
            )}
          />
        )}
        {condition.field && valueInput()}
      </div>
      <Errors errors={errors} />
    </fieldset>
  );
}
