import type { ReactNode } from 'react';
import { Checkbox, TextField } from '../../../ui/fields';

type SmallFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  hint?: string;
  type?: 'text' | 'number' | 'password';
  inputMode?: 'numeric' | 'decimal' | 'text';
  placeholder?: string;
  className?: string;
  testId?: string;
  mono?: boolean;
};

/** A compact labelled input with its errors under it (the app's TextField, admin-sized). */
export function SmallField({
  label,
  value,
  onChange,
  errors = [],
  hint,
  type = 'text',
  inputMode,
  placeholder,
  className,
  testId,
  mono,
}: SmallFieldProps) {
  return (
    <TextField
      className={['admin-small', className].filter(Boolean).join(' ')}
      inputClassName={mono ? 'admin-mono' : undefined}
      label={label}
      hint={hint}
      error={errors}
      type={type}
      inputMode={inputMode}
      placeholder={placeholder}
      value={value}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** Error texts under an input or group (nothing when there are none). */
export function Errors({ id, errors }: { id?: string | undefined; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <p className="field__error" id={id}>
      {errors.join(' ')}
    </p>
  );
}

type CheckProps = { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; hint?: string };

/** A checkbox with its label after it (the app's Checkbox, admin-sized). */
export function Check({ label, checked, onChange, hint }: CheckProps) {
  return <Checkbox className="admin-check" label={label} hint={hint} checked={checked} onChange={onChange} />;
}

type ChoiceProps<T extends string> = {
  legend: string;
  all: readonly T[];
  chosen: readonly T[];
  onChange: (chosen: T[]) => void;
  name: (value: T) => string;
  errors?: string[];
};

/** A group of checkboxes picking several of `all`, kept in `all`'s order. */
export function MultiChoice<T extends string>({ legend, all, chosen, onChange, name, errors = [] }: ChoiceProps<T>) {
  return (
    <fieldset className={`admin-multi${errors.length ? ' field--invalid' : ''}`}>
      <legend className="field__label">{legend}</legend>
      <div className="admin-multi__items">
        {all.map((value) => (
          <Check
            key={value}
            label={name(value)}
            checked={chosen.includes(value)}
            onChange={(on) => onChange(all.filter((v) => (v === value ? on : chosen.includes(v))))}
          />
        ))}
      </div>
      <Errors errors={errors} />
    </fieldset>
  );
}
