import { describe, expect, it } from 'vitest';
import { validateFormValues } from '../../common/forms/validate';
import { toValidatorValues } from '../../web/portal/contact/formDraft';
import {
  CHECK_LEAVES,
  draftFromOperation,
  formPathFor,
  formValuesFromCheck,
  valuesForForm,
  type CheckDraft,
} from '../../web/portal/payments/handover';
import { DEMO_CATALOG, type DemoCategory } from './demo-catalog';

function find(nodes: DemoCategory[], slug: string, trail: string[] = []): { node: DemoCategory; trail: string[] } | null {
  for (const n of nodes) {
    if (n.slug === slug) return { node: n, trail: [...trail, n.slug] };
    const deeper = find(n.children ?? [], slug, [...trail, n.slug]);
    if (deeper) return deeper;
  }
  return null;
}

const draft: CheckDraft = {
  by: 'receipt',
  receiptNumber: ' 100000000009 ',
  terminalId: '',
  date: '2026-12-07',
  time: '10:30',
  amount: '1500',
  currency: 'RUB',
  account: '+7 916 123-45-67',
};

// The payment check's hand-over (web/portal/payments/handover.ts) against the demo catalogue's
// terminal forms: the keys it fills exist there and the values pass the forms' own validator.
describe('the check hands its data over to the form', () => {
  it('fills the terminal form’s fields with what was entered, valid for the form', () => {
    const values = formValuesFromCheck(draft, 'Проверка платежа показала: «Платёж не найден».');
    expect(values).toEqual({
      receipt_number: '100000000009',
      payment_at: '2026-12-07T10:30',
      amount: { amount: '1500', currency: 'RUB' },
      recipient_account: '+7 916 123-45-67',
      description: 'Проверка платежа показала: «Платёж не найден».',
    });
    for (const slug of [CHECK_LEAVES.withReceipt, CHECK_LEAVES.withoutReceipt, CHECK_LEAVES.agent]) {
      const form = find(DEMO_CATALOG, slug)!.node.leaf!.form;
      const own = valuesForForm(
        values,
        form.fields.map((f) => f.key),
      );
      const checked = validateFormValues(form, toValidatorValues(own), { now: new Date('2026-12-08T00:00:00Z') });
      const errors = checked.ok ? {} : checked.errors;
      for (const key of Object.keys(own)) expect(errors[key], `${slug}.${key}`).toBeUndefined();
    }
  });

  it('leaves the time of paying empty when only the date was given, and skips what was not typed', () => {
    const values = formValuesFromCheck({ ...draft, by: 'terminal', receiptNumber: '', terminalId: '10234567', time: '' }, '');
    expect(values).toEqual({
      terminal_id: '10234567',
      amount: { amount: '1500', currency: 'RUB' },
      recipient_account: '+7 916 123-45-67',
    });
  });

  it('leads to the leaf that matches what the customer has, where the wizard has it', () => {
    for (const [path, audience] of [
      [formPathFor({ by: 'receipt' }, 'customer'), 'customer'],
      [formPathFor({ by: 'terminal' }, 'customer'), 'customer'],
      [formPathFor({ by: 'receipt' }, 'agent'), 'agent'],
    ] as const) {
      const [base, query] = path.split('?');
      expect(query).toBe('step=form');
      const slugs = base!.replace(audience === 'agent' ? '/agents/contact/' : '/contact/', '').split('/');
      expect(find(DEMO_CATALOG, slugs.at(-1)!)?.trail).toEqual(slugs);
    }
  });

  it('turns a wallet operation into a draft with the receipt’s (Moscow) time', () => {
    const d = draftFromOperation({
      receiptNumber: '100000000011',
      terminalId: '10234568',
      account: '+79001234567',
      amount: { amount: '2500.00', currency: 'RUB' },
      paidAt: '2026-12-07T07:30:00.000Z',
    });
    expect(d).toMatchObject({ by: 'receipt', date: '2026-12-07', time: '10:30', amount: '2500.00', account: '+79001234567' });
  });
});
