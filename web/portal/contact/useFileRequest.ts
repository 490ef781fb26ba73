import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { checkFieldValue, isFieldVisible, validateFormValues } from '../../../common/forms/validate';
import type { FieldDef } from '../../../common/forms/types';
import type { Me } from '../../api/auth';
import { ApiError } from '../../api/client';
import type { ApiFieldError } from '../../api/client';
import { buildTicketBody } from '../../api/multipart';
import { fileTicket } from '../../api/requests';
import type { FiledTicket, LeafForm, TicketPayload } from '../../api/requests';
import { useI18n } from '../../i18n/I18nProvider';
import { fieldErrorText } from '../../ui/fieldError';
import { filesByField, payloadFields, toValidatorValues } from './formDraft';
import type { DraftValue } from './formDraft';
import type { ContactValues, RequestDraft } from './useRequestDraft';

const GUEST_EMAIL: FieldDef = { key: 'email', type: 'email', required: true, label: { ru: '', uk: '', en: '' } };
const GUEST_NAME: FieldDef = { key: 'name', type: 'text', maxLength: 100, label: { ru: '', uk: '', en: '' } };
export const CONTACT_IDS = { email: 'contact-email', name: 'contact-name' } as const;

function focusLater(id: string | undefined): void {
  if (!id) return;
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

/**
 * The live state of the request form: visible fields, errors to show (the browser's own check of
 * visited fields, then the server's), and the submit that files the request once per fill.
 */
export function useFileRequest(
  leaf: LeafForm,
  draft: RequestDraft,
  me: Me | null,
  onFiled: (t: FiledTicket, email: string | null) => void,
) {
  const { t, locale } = useI18n();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, ApiFieldError>>({});
  const inFlight = useRef(false);
  const form = leaf.form;
  const guest = me === null;

  const raw = toValidatorValues(draft.values);
  const visible = form.fields.filter((f) => isFieldVisible(form, f, raw));
  const checked = validateFormValues(form, raw, { now: new Date() });
  const clientErrors: Record<string, ApiFieldError> = checked.ok ? {} : { ...checked.errors };
  if (guest) {
    for (const def of [GUEST_EMAIL, GUEST_NAME]) {
      const result = checkFieldValue(def, draft.contact[def.key as 'email' | 'name']);
      if (!result.ok) clientErrors[def.key] = result.error;
    }
  }
  const fieldIds = [...visible.map((f) => [f.key, `f-${f.key}`]), ...(guest ? Object.entries(CONTACT_IDS) : [])];

  const errorFor = (key: string): string | null => {
    const error = serverErrors[key] ?? (draft.touched.has(key) ? clientErrors[key] : undefined);
    return error ? fieldErrorText(error, locale, t('form.invalid')) : null;
  };

  const clearServerError = (key: string) =>
    setServerErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });

  const setValue = (key: string, value: DraftValue) => {
    draft.setValue(key, value);
    clearServerError(key);
  };
  const setContact = <K extends keyof ContactValues>(key: K, value: ContactValues[K]) => {
    draft.setContactValue(key, value);
    clearServerError(key);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    draft.touch(...fieldIds.map(([key]) => key as string));
    setFailure(null);
    const firstInvalid = fieldIds.find(([key]) => clientErrors[key as string] || serverErrors[key as string]);
    if (!checked.ok || firstInvalid) {
      focusLater(firstInvalid?.[1]);
      return;
    }
    const subject = draft.subject.trim();
    const name = draft.contact.name.trim();
    const payload: TicketPayload = {
      categoryId: leaf.categoryId,
      ...(subject ? { subject } : {}),
      fields: payloadFields(form, checked.values),
      ...(guest ? { email: draft.contact.email.trim(), ...(name ? { name } : {}) } : {}),
      locale,
      replyChannel: draft.contact.replyChannel,
      website: draft.contact.website,
    };
    const body = buildTicketBody(payload, filesByField(form, draft.values, new Set(visible.map((f) => f.key))));

    inFlight.current = true;
    setSubmitting(true);
    try {
      const ticket = await fileTicket(body, draft.idempotencyKey());
      draft.settleKey();
      onFiled(ticket, guest ? (payload.email ?? null) : null);
    } catch (error) {
      // A definitive refusal means nothing was filed: the next try is a new request. After a
      // network error or a 5xx the same key is sent again, so a request that did go through
      // is not filed twice.
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) draft.settleKey();
      const fields = error instanceof ApiError ? error.fields : {};
      setServerErrors(fields);
      setFailure(error);
      focusLater(fieldIds.find(([key]) => fields[key as string])?.[1] ?? 'request-form-error');
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { visible, errorFor, setValue, setContact, submit, submitting, failure };
}
