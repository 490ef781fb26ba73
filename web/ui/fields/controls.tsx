import { useState } from 'react';
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { Icon } from '../icons';
import { Field, controlClass, errorText } from './Field';
import type { FieldFrameProps } from './Field';

// The form controls of the web app, each one Field frame around one element. The rest of the
// element's props (value, onChange, type, placeholder, required…) pass through; the required
// mark (*) is the frame's own `required` only, as the request form shows it.

type Frame = Omit<FieldFrameProps, 'inline'>;
const frameOf = ({ label, hint, error, id, required, hideLabel, className, look }: Frame) => ({
  label,
  hint,
  error,
  id,
  required,
  hideLabel,
  className,
  look,
});

type TextFieldProps = Frame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { inputClassName?: string };

/** A labelled one-line input. */
export function TextField({ label, hint, error, id, hideLabel, className, look, inputClassName, ...input }: TextFieldProps) {
  return (
    <Field {...frameOf({ label, hint, error, id, hideLabel, className, look })}>
      {(ids) => (
        <input
          id={ids.input}
          className={controlClass(ids, inputClassName)}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          {...input}
        />
      )}
    </Field>
  );
}

type TextAreaProps = Frame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & {
    inputClassName?: string;
    /** For a caret or focus kept by the caller (the composer, the canned answer's placeholders). */
    textareaRef?: Ref<HTMLTextAreaElement>;
  };

/** A labelled multi-line input. */
export function TextArea({
  label,
  hint,
  error,
  id,
  hideLabel,
  className,
  look,
  inputClassName,
  textareaRef,
  ...textarea
}: TextAreaProps) {
  return (
    <Field {...frameOf({ label, hint, error, id, hideLabel, className, look })}>
      {(ids) => (
        <textarea
          id={ids.input}
          ref={textareaRef}
          className={controlClass(ids, ids.control === 'field__input' && 'field__textarea', inputClassName)}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          {...textarea}
        />
      )}
    </Field>
  );
}

type SelectProps<V extends string> = Frame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'value' | 'onChange'> & {
    value: V;
    onChange: (value: V) => void;
    /** The choices: value, the text shown, and whether it cannot be chosen (the current one). */
    options: ReadonlyArray<readonly [value: V, text: string, disabled?: boolean]>;
    inputClassName?: string;
  };

/** A labelled choice from a list. */
export function Select<V extends string>({
  label,
  hint,
  error,
  id,
  hideLabel,
  className,
  look,
  inputClassName,
  value,
  onChange,
  options,
  ...select
}: SelectProps<V>) {
  return (
    <Field {...frameOf({ label, hint, error, id, hideLabel, className, look })}>
      {(ids) => (
        <select
          id={ids.input}
          className={controlClass(ids, ids.control === 'field__input' && 'field__select', inputClassName)}
          aria-invalid={ids.invalid}
          aria-describedby={ids.describedBy}
          value={value}
          onChange={(e) => onChange(e.target.value as V)}
          {...select}
        >
          {options.map(([v, text, disabled]) => (
            <option key={v} value={v} disabled={disabled}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type CheckboxProps = Omit<Frame, 'hideLabel'> &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type' | 'checked' | 'onChange'> & {
    checked: boolean;
    onChange: (checked: boolean) => void;
  };

/** A labelled checkbox (the label after the box). */
export function Checkbox({ label, hint, error, id, className, look, checked, onChange, ...input }: CheckboxProps) {
  return (
    <Field {...frameOf({ label, hint, error, id, className, look })} inline>
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

type RadioGroupProps<V extends string> = {
  legend: ReactNode;
  /** The legend is read out but not shown. */
  hideLegend?: boolean;
  /** The radios' shared name. */
  name: string;
  value: V;
  onChange: (value: V) => void;
  /** The choices: value and what is shown after the radio (a text, or a text with its hint). */
  options: ReadonlyArray<readonly [V, ReactNode]>;
  disabled?: boolean;
  error?: FieldFrameProps['error'];
  /** Classes of the group (e.g. `choice`, the portal's bordered options). */
  className?: string;
  /** Classes of one option's label. */
  optionClassName?: string | ((value: V, checked: boolean) => string | undefined);
  /** Shown after the options (a status line). */
  children?: ReactNode;
};

/** A group of radios with its legend; each option's label wraps its radio. */
export function RadioGroup<V extends string>({
  legend,
  hideLegend,
  name,
  value,
  onChange,
  options,
  disabled,
  error,
  className,
  optionClassName,
  children,
}: RadioGroupProps<V>) {
  const message = errorText(error);
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={[className, message && 'field--invalid'].filter(Boolean).join(' ') || undefined}
      aria-describedby={message ? errorId : undefined}
    >
      <legend className={hideLegend ? 'visually-hidden' : 'field__label'}>{legend}</legend>
      {options.map(([v, content]) => (
        <label key={v} className={typeof optionClassName === 'function' ? optionClassName(v, v === value) : optionClassName}>
          <input type="radio" name={name} value={v} checked={v === value} disabled={disabled} onChange={() => onChange(v)} />
          {content}
        </label>
      ))}
      {children}
      {message && (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      )}
    </fieldset>
  );
}

/** A password input with a show / hide button. */
export function PasswordField({
  label,
  error,
  id,
  className,
  ...input
}: Omit<TextFieldProps, 'type' | 'hint' | 'inputClassName' | 'hideLabel' | 'look'>) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  return (
    <Field {...frameOf({ label, error, id, className })}>
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
