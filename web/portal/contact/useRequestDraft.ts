import { useCallback, useRef, useState } from 'react';
import type { ReplyChannel } from '../../api/requests';
import { newIdempotencyKey } from './formDraft';
import type { DraftValue, DraftValues } from './formDraft';

export type ContactValues = { email: string; name: string; replyChannel: ReplyChannel; website: string };

/**
 * One fill of a leaf's form: the values, the customer's contact, which fields were visited, and
 * the Idempotency-Key of this fill (made on the first submit, kept across retries, dropped once
 * the request is filed or definitively refused). Lives above the steps so going back to the
 * suggestions and forward again keeps what was typed.
 */
export function useRequestDraft(defaultReplyChannel: ReplyChannel) {
  const [values, setValues] = useState<DraftValues>({});
  const [subject, setSubject] = useState('');
  const [contact, setContact] = useState<ContactValues>({ email: '', name: '', replyChannel: defaultReplyChannel, website: '' });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const keyRef = useRef<string | null>(null);

  const setValue = useCallback((key: string, value: DraftValue) => setValues((prev) => ({ ...prev, [key]: value })), []);
  const setContactValue = useCallback(
    <K extends keyof ContactValues>(key: K, value: ContactValues[K]) => setContact((prev) => ({ ...prev, [key]: value })),
    [],
  );
  const touch = useCallback(
    (...keys: string[]) => setTouched((prev) => (keys.every((k) => prev.has(k)) ? prev : new Set([...prev, ...keys]))),
    [],
  );

  /** The key of this fill; the same on every retry until `settleKey()`. */
  const idempotencyKey = useCallback(() => (keyRef.current ??= newIdempotencyKey()), []);
  /** The server answered for good (filed or refused): the next submit is a new request. */
  const settleKey = useCallback(() => {
    keyRef.current = null;
  }, []);

  const reset = useCallback(() => {
    setValues({});
    setSubject('');
    setContact((prev) => ({ ...prev, website: '' }));
    setTouched(new Set());
    keyRef.current = null;
  }, []);

  return { values, setValue, subject, setSubject, contact, setContactValue, touched, touch, idempotencyKey, settleKey, reset };
}

export type RequestDraft = ReturnType<typeof useRequestDraft>;
