import { useT } from '../../../i18n/I18nProvider';
import { L10nInputs } from '../shared/L10nInputs';
import { problemsAt } from './builderErrors';
import type { FieldProblem } from './builderErrors';
import { EMPTY_L10N, move, newUid } from './builderState';
import type { OptionDraft } from './builderState';
import { Errors, SmallField } from './inputs';
import { useProblemText } from './useFormCheck';

type Props = {
  options: OptionDraft[];
  problems: FieldProblem[] | undefined;
  onChange: (options: OptionDraft[]) => void;
};

/** The choices of a select: a stable value and its text in three languages, in order. */
export function OptionsEditor({ options, problems, onChange }: Props) {
  const t = useT();
  const text = useProblemText();
  const at = (path: string) => problemsAt(problems, path).map(text);
  const freeValue = () => {
    let n = options.length + 1;
    while (options.some((o) => o.value === `option_${n}`)) n += 1;
    return `option_${n}`;
  };
  const set = (i: number, patch: Partial<OptionDraft>) => onChange(options.map((o, j) => (j === i ? { ...o, ...patch } : o)));

  return (
    <fieldset className="admin-choices">
      <legend className="field__label">{t('admin.field.options')}</legend>
      <Errors errors={at('options')} />
      <ol className="admin-choices__list">
        {options.map((option, i) => (
          <li key={option.uid} className="admin-choices__item">
            <SmallField
              label={t('admin.field.optionValue', { n: i + 1 })}
              value={option.value}
              mono
              errors={at(`options[${i}].value`)}
              onChange={(value) => set(i, { value })}
            />
            <L10nInputs
              legend={t('admin.field.optionLabel', { n: i + 1 })}
              value={option.label}
              errors={{
                ru: at(`options[${i}].label.ru`),
                uk: at(`options[${i}].label.uk`),
                en: at(`options[${i}].label.en`),
              }}
              onChange={(label) => set(i, { label })}
            />
            <div className="admin-choices__tools">
              <button
                type="button"
                className="admin-icon-button"
                aria-label={t('admin.field.optionUp', { n: i + 1 })}
                disabled={i === 0}
                onClick={() => onChange(move(options, i, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="admin-icon-button"
                aria-label={t('admin.field.optionDown', { n: i + 1 })}
                disabled={i === options.length - 1}
                onClick={() => onChange(move(options, i, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="admin-icon-button admin-icon-button--danger"
                aria-label={t('admin.field.optionRemove', { n: i + 1 })}
                onClick={() => onChange(options.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => onChange([...options, { uid: newUid(), value: freeValue(), label: { ...EMPTY_L10N } }])}
      >
        {t('admin.field.optionAdd')}
      </button>
    </fieldset>
  );
}
