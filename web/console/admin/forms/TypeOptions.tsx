import { CURRENCIES, FILE_TYPES } from '../../../../common/forms/types';
import type { FileType } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { typeNames } from '../../../ui/fields/FilePicker';
import { problemsAt, problemsUnder } from './builderErrors';
import type { FieldProblem } from './builderErrors';
import type { FieldDraft } from './builderState';
import { Check, MultiChoice, SmallField } from './inputs';
import { OptionsEditor } from './OptionsEditor';
import { useProblemText } from './useFormCheck';

type Props = {
  field: FieldDraft;
  problems: FieldProblem[] | undefined;
  onChange: (patch: Partial<FieldDraft>) => void;
};

/** The settings only some types have: lengths, pattern, currencies and amounts, date limits, options, files. */
export function TypeOptions({ field, problems, onChange }: Props) {
  const t = useT();
  const text = useProblemText();
  const at = (path: string) => problemsAt(problems, path).map(text);
  const under = (path: string) => problemsUnder(problems, path).map((p) => text(p.message));
  const number = (
    name: 'minLength' | 'maxLength' | 'min' | 'max' | 'maxDaysAgo' | 'maxFiles' | 'maxSizeMb',
    label: string,
    hint?: string,
  ) => (
    <SmallField
      label={label}
      hint={hint}
      type="text"
      inputMode={name === 'min' || name === 'max' || name === 'maxSizeMb' ? 'decimal' : 'numeric'}
      value={field[name]}
      errors={at(name)}
      onChange={(value) => onChange({ [name]: value })}
    />
  );

  switch (field.type) {
    case 'text':
    case 'textarea':
      return (
        <div className="admin-options">
          {number('minLength', t('admin.field.minLength'))}
          {number(
            'maxLength',
            t('admin.field.maxLength'),
            field.type === 'text' ? t('admin.field.maxLengthTextHint') : t('admin.field.maxLengthAreaHint'),
          )}
          {field.type === 'text' && (
            <SmallField
              className="admin-options__wide"
              label={t('admin.field.pattern')}
              hint={t('admin.field.patternHint')}
              value={field.pattern}
              mono
              errors={at('pattern')}
              onChange={(pattern) => onChange({ pattern })}
            />
          )}
        </div>
      );
    case 'money':
      return (
        <div className="admin-options">
          <MultiChoice
            legend={t('admin.field.currencies')}
            all={CURRENCIES}
            chosen={field.currencies}
            name={(c) => c}
            errors={under('currencies')}
            onChange={(currencies) => onChange({ currencies })}
          />
          {number('min', t('admin.field.minAmount'))}
          {number('max', t('admin.field.maxAmount'))}
        </div>
      );
    case 'date':
    case 'datetime':
      return (
        <div className="admin-options">
          <Check label={t('admin.field.notFuture')} checked={field.notFuture} onChange={(notFuture) => onChange({ notFuture })} />
          {number('maxDaysAgo', t('admin.field.maxDaysAgo'), t('admin.field.maxDaysAgoHint'))}
        </div>
      );
    case 'select':
      return <OptionsEditor options={field.options} problems={problems} onChange={(options) => onChange({ options })} />;
    case 'files':
      return (
        <div className="admin-options">
          <MultiChoice<FileType>
            legend={t('admin.field.accept')}
            all={FILE_TYPES}
            chosen={field.accept}
            name={(type) => typeNames([type])}
            errors={under('accept')}
            onChange={(accept) => onChange({ accept })}
          />
          {number('maxFiles', t('admin.field.maxFiles'), t('admin.field.maxFilesHint'))}
          {number('maxSizeMb', t('admin.field.maxSizeMb'), t('admin.field.maxSizeMbHint'))}
        </div>
      );
    default:
      return null;
  }
}
