import { useMemo } from 'react';
import { parseFormDefinition } from '../../../../common/forms/definition';
import type { FormDef } from '../../../../common/forms/types';
import { useT } from '../../../i18n/I18nProvider';
import { knownDefinitionMessage, placeErrors, previewForm } from './builderErrors';
import type { PlacedErrors } from './builderErrors';
import { toCandidate } from './builderState';
import type { FieldDraft } from './builderState';

export type FormCheck = {
  /** What would be published. */
  candidate: { fields: Array<Record<string, unknown>> };
  /** The checked definition, or null while it has problems. */
  form: FormDef | null;
  errors: PlacedErrors;
  errorCount: number;
  /** What the preview shows: the valid part of the form. */
  preview: { form: FormDef; dropped: number };
};

/** Checks the builder's fields with the shared `parseFormDefinition`, as the server will. */
export function useFormCheck(fields: readonly FieldDraft[]): FormCheck {
  return useMemo(() => {
    const candidate = toCandidate(fields);
    const parsed = parseFormDefinition(candidate);
    const errors = parsed.ok ? { form: [], fields: new Map() } : placeErrors(parsed.errors);
    return {
      candidate,
      form: parsed.ok ? parsed.form : null,
      errors,
      errorCount: parsed.ok ? 0 : parsed.errors.length,
      preview: parsed.ok ? { form: parsed.form, dropped: 0 } : previewForm(candidate),
    };
  }, [fields]);
}

/** Translates a definition problem when the catalogue knows it; otherwise shows the validator's text. */
export function useProblemText(): (message: string) => string {
  const t = useT();
  return (message) => {
    const known = knownDefinitionMessage(message);
    return known ? t(known.key, known.params) : message;
  };
}
