import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';

export type ShellIds = { input: string; describedBy: string | undefined; invalid: true | undefined };

type Props = {
  /** Used for element ids (`f-<key>`); the first invalid field is focused by this id. */
  id: string;
  label: string;
  help?: string;
  required?: boolean;
  error: string | null;
  /** Checkboxes put the label after the box. */
  inline?: boolean;
  children: (ids: ShellIds) => ReactNode;
};

/** Label with the required mark, the control, the help text and the error, wired for screen readers. */
export function FieldShell({ id, label, help, required, error, inline, children }: Props) {
  const t = useT();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const ids: ShellIds = {
    input: id,
    describedBy: [errorId, helpId].filter(Boolean).join(' ') || undefined,
    invalid: error ? true : undefined,
  };
  const labelText = (
    <>
      {label}
      {/* Screen readers hear "required" from the input itself; the star is for the eye. */}
      {required && (
        <span className="field__required" aria-hidden="true" title={t('portal.form.requiredMark')}>
          {' '}
          *
        </span>
      )}
    </>
  );
  return (
    <div className={`field${error ? ' field--invalid' : ''}${inline ? ' field--inline' : ''}`}>
      {inline ? (
        <div className="field__check">
          {children(ids)}
          <label className="field__label" htmlFor={id}>
            {labelText}
          </label>
        </div>
      ) : (
        <>
          <label className="field__label" htmlFor={id}>
            {labelText}
          </label>
          {children(ids)}
        </>
      )}
      {help && (
        <p className="field__hint" id={helpId}>
          {help}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
