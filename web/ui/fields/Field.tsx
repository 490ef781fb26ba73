import { useId } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';

/**
 * How a field sits on its screen:
 * - `form`: label above the control, full size (the portal's forms, the admin editors);
 * - `compact`: the same, smaller (the console's dialogs and side panels);
 * - `filter`: a small muted label above a small control (the console's filter bars);
 * - `bare`: the control alone in someone else's row (a search box with its button, a composer):
 *   the label is read out but not shown, and the frame draws no box of its own.
 */
export type FieldLook = 'form' | 'compact' | 'filter' | 'bare';

/** What a field's control needs to be wired to its label, hint and error. */
export type FieldIds = {
  input: string;
  describedBy: string | undefined;
  invalid: true | undefined;
  /** The control's class for the field's look (`field__input`, `filters__input`, or none when bare). */
  control: string;
};

export type FieldFrameProps = {
  label: ReactNode;
  hint?: ReactNode;
  /** One text, several (joined), or nothing. */
  error?: string | readonly string[] | null;
  /** The control's id (e.g. `f-<key>`, focused on the first invalid field); generated when not given. */
  id?: string;
  required?: boolean;
  /** Checkboxes put the label after the box. */
  inline?: boolean;
  /** The label is read out but not shown (the placeholder or the surroundings say it). */
  hideLabel?: boolean;
  /** Extra classes on the frame (e.g. `admin-small`). */
  className?: string;
  look?: FieldLook;
};

/** The error text of a field, or null when it has none. */
export function errorText(error: FieldFrameProps['error']): string | null {
  if (!error) return null;
  if (typeof error === 'string') return error;
  return error.length > 0 ? error.join(' ') : null;
}

const FRAME: Record<FieldLook, string> = {
  form: 'field',
  compact: 'field field--compact',
  filter: 'filters__field',
  bare: 'field field--bare',
};
const CONTROL: Record<FieldLook, string> = {
  form: 'field__input',
  compact: 'field__input',
  filter: 'filters__input',
  bare: '',
};

/** The classes of a control: the look's own, then the given ones. */
export function controlClass(ids: FieldIds, ...extra: Array<string | false | undefined>): string | undefined {
  return [ids.control, ...extra].filter(Boolean).join(' ') || undefined;
}

/**
 * The one field frame of the web app: label (with the required mark), the control, the hint and
 * the error, wired for screen readers (aria-describedby, aria-invalid). The control is drawn by
 * `children` with the ids; TextField, TextArea, Select and Checkbox are this frame with a control.
 */
export function Field({
  label,
  hint,
  error,
  id,
  required,
  inline,
  hideLabel,
  className,
  look = 'form',
  children,
}: FieldFrameProps & {
  children: (ids: FieldIds) => ReactNode;
}) {
  const t = useT();
  const generated = useId();
  const input = id ?? generated;
  const message = errorText(error);
  const hintId = hint ? `${input}-hint` : undefined;
  const errorId = message ? `${input}-error` : undefined;
  const ids: FieldIds = {
    input,
    describedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined,
    invalid: message ? true : undefined,
    control: CONTROL[look],
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
  const hidden = hideLabel || look === 'bare';
  const labelClass = hidden ? 'visually-hidden' : look === 'filter' ? 'filters__label' : 'field__label';
  const frame = inline && look === 'filter' ? 'filters__check' : FRAME[look];
  const classes = [frame, message && 'field--invalid', inline && 'field--inline', className].filter(Boolean).join(' ');
  return (
    <div className={classes}>
      {inline ? (
        <div className="field__check">
          {children(ids)}
          <label className={hidden ? 'visually-hidden' : 'field__label'} htmlFor={input}>
            {labelText}
          </label>
        </div>
      ) : (
        <>
          <label className={labelClass} htmlFor={input}>
            {labelText}
          </label>
          {children(ids)}
        </>
      )}
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {message && (
        <p className="field__error" id={errorId}>
          {message}
        </p>
      )}
    </div>
  );
}
