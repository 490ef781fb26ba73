import { useEffect, useRef, useState } from 'react';
import { formatPhone } from '../../../common/phone';
import type { FormDef } from '../../../common/forms/types';
import { fetchMyWallets } from '../../api/payments';
import type { WalletChoice } from './FieldInput';
import type { RequestDraft } from './useRequestDraft';

/**
 * A signed-in customer's wallet number in the form's empty wallet fields (their first wallet as
 * the payment core lists them), once per form; still editable. Returns all their wallets, so a
 * person with several can pick another under the field. Guests get nothing, and a core that does
 * not answer leaves the fields empty (it is a convenience, never a blocker).
 */
export function useWalletPrefill(
  customerId: string | null,
  form: FormDef | null,
  draft: Pick<RequestDraft, 'values' | 'setValue'>,
): WalletChoice[] {
  const done = useRef<string | null>(null);
  const [choices, setChoices] = useState<WalletChoice[]>([]);
  const { values, setValue } = draft;
  // What is in the fields when the answer comes (read in the callback, not at render).
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  }, [values]);
  useEffect(() => {
    const keys = form?.fields.filter((f) => f.type === 'wallet').map((f) => f.key) ?? [];
    const once = customerId && form ? `${customerId}:${keys.join(',')}` : null;
    if (!once || keys.length === 0 || done.current === once) return;
    done.current = once;
    const controller = new AbortController();
    let settled = false;
    fetchMyWallets(controller.signal).then(
      (wallets) => {
        settled = true;
        setChoices(wallets.map((w) => ({ value: formatPhone(w.walletNumber), blocked: w.blocked })));
        const wallet = wallets[0];
        if (!wallet) return;
        // Only what the customer has not typed (or the payment check has not handed over) yet.
        for (const key of keys) if (!latest.current[key]) setValue(key, formatPhone(wallet.walletNumber));
      },
      () => {
        settled = true;
      },
    );
    return () => {
      // Left before the answer (or React's second run in development): ask again next time.
      if (!settled) done.current = null;
      controller.abort();
    };
  }, [customerId, form, setValue]);
  return customerId ? choices : [];
}
