import { useState } from 'react';
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { Icon } from '../icons';
import { Field } from './Field';
import type { FieldFrameProps } from './Field';

// The form controls of the web app, each one Field frame around one element. The rest of the
// element's props (value, onChange, type, placeholder…) pass through.

type Frame = Omit<FieldFrameProps, 'inline'>;
/** Controls whose label is always shown. */
type ShownFrame = Omit<Frame, 'hideLabel'>;
const frameOf = ({ label, hint, error, id, required, hideLabel, className }: Frame) => ({
  label,
  hint,
  error,
  id,
  required,
  hideLabel,
  className,
});

type TextFieldProps = Frame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { inputClassName?: string };

/** A labelled one-line input. */
export function TextField({ label, hint, error, id, hideLabel, className, inputClassName, ...input }: TextFieldProps) {
  return (
    <Field {...frameOf({ label, hint, error, id, required: input.required, hideLabel, className })}>
      {(ids) => (
        <input
          id={ids.input}
          className={['field__input', inputClassName].filter(Boolean).join(' ')}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          {...input}
        />
      )}
    </Field>
  );
}

type TextAreaProps = Frame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & { inputClassName?: string };

/** A labelled multi-line input. */
export function TextArea({ label, hint, error, id, hideLabel, className, inputClassName, ...textarea }: TextAreaProps) {
  return (
    <Field {...frameOf({ label, hint, error, id, required: textarea.required, hideLabel, className })}>
      {(ids) => (
        <textarea
          id={ids.input}
          className={['field__input', 'field__textarea', inputClassName].filter(Boolean).join(' ')}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          {...textarea}
        />
      )}
    </Field>
  );
}

type SelectProps<V extends string> = ShownFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'value' | 'onChange'> & {
    value: V;
    onChange: (value: V) => void;
    /** The choices: value and the text shown. */
    options: ReadonlyArray<readonly [V, string]>;
  };

/** A labelled choice from a list. */
export function Select<V extends string>({
  label,
  hint,
  error,
  id,
  className,
  value,
  onChange,
  options,
  ...select
}: SelectProps<V>) {
  return (
    <Field {...frameOf({ label, hint, error, id, required: select.required, className })}>
      {(ids) => (
        <select
          id={ids.input}
          className="field__input field__select"
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value as V)}
          {...select}
        >
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type CheckboxProps = ShownFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type' | 'checked' | 'onChange'> & {
    checked: boolean;
    onChange: (checked: boolean) => void;
  };

/** A labelled checkbox (the label after the box). */
export function Checkbox({ label, hint, error, id, className, checked, onChange, ...input }: CheckboxProps) {
  return (
    <Field {...frameOf({ label, hint, error, id, required: input.required, className })} inline>
      {(ids) => (
        <input
          id={ids.input}
          type="checkbox"
          className="field__checkbox"
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          {...input}
        />
      )}
    </Field>
  );
}

/** A password input with a show / hide button. */
export function PasswordField({
  label,
  error,
  id,
  className,
  ...input
}: Omit<TextFieldProps, 'type' | 'hint' | 'inputClassName' | 'hideLabel'>) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <Field {...frameOf({ label, error, id, required: input.required, className })}>
      {(ids) => (
        <div className="field__group">
          <input
            id={ids.input}
            className="field__input"
            type={visible ? 'text' : 'password'}
            aria-invalid={ids.invalid}
            aria-describedby={ids.describedBy}
            {...input}
          />
          <button
            type="button"
            className="field__toggle"
            aria-controls={ids.input}
            aria-pressed={visible}
            aria-label={t('form.showPassword')}
            title={visible ? t('form.hidePassword') : t('form.showPassword')}
            onClick={() => setVisible((v) => !v)}
          >
            <Icon name={visible ? 'eyeOff' : 'eye'} />
          </button>
        </div>
      )}
    </Field>
  );
}
