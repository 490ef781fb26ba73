// bench/intake's scenarios: what one filing sends (signed-in customer or guest; a suggestion as
// JSON or a terminal payment with its receipt scan as multipart).
import { randomUUID } from 'node:crypto';
import { json, multipart, type Req, type Session } from './http';

/** A 1×1 PNG: the receipt scan of the terminal scenario. */
const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6e1c50000000049454e44ae426082',
  'hex',
);

export type Scenario = { name: string; label: string; build: (i: number) => Req };

export const SUGGESTION_FIELDS = {
  topic: 'wallet',
  description: 'Please add a monthly spending chart to the wallet history screen.',
};

export function scenarios(ids: Map<string, string>, session: Session): Scenario[] {
  const run = Date.now().toString(36);
  const suggestion = ids.get('feedback-suggestion') ?? '';
  const receipt = ids.get('terminal-payment-with-receipt') ?? '';
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
  const receiptFields = {
    payment_at: yesterday,
    amount: { amount: '1500', currency: 'RUB' },
    service: 'Mobile top-up',
    recipient_account: '+79001112233',
    receipt_number: '000123456',
    contact_phone: '+79001112233',
    description: 'The payment went through at the terminal but the recipient did not get it.',
  };
  const customer = (): Record<string, string> => ({
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    'idempotency-key': randomUUID(),
  });
  const guest = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });
  const guestOf = (i: number) => ({ email: `bench-${run}-${i}@example.com`, name: 'Bench Guest' });
  const receiptBody = (extra: Record<string, string>) =>
    multipart({ categoryId: receipt, fields: receiptFields, ...extra }, [
      { field: 'receipt_scan', name: 'receipt.png', type: 'image/png', content: PNG_1x1 },
    ]);
  const post = (headers: Record<string, string>, body: { headers: Record<string, string>; body: Buffer }): Req => ({
    method: 'POST',
    path: '/api/v1/tickets',
    headers: { ...headers, ...body.headers },
    body: body.body,
  });
  return [
    {
      name: 'customer-suggestion',
      label: 'signed-in customer, suggestion (JSON)',
      build: () => post(customer(), json({ categoryId: suggestion, fields: SUGGESTION_FIELDS })),
    },
    {
      name: 'guest-suggestion',
      label: 'guest, suggestion (JSON)',
      build: (i) => post(guest(), json({ categoryId: suggestion, fields: SUGGESTION_FIELDS, ...guestOf(i) })),
    },
    {
      name: 'customer-receipt',
      label: 'signed-in customer, terminal with receipt (multipart, 1×1 PNG)',
      build: () => post(customer(), receiptBody({})),
    },
    {
      name: 'guest-receipt',
      label: 'guest, terminal with receipt (multipart, 1×1 PNG)',
      build: (i) => post(guest(), receiptBody(guestOf(i))),
    },
  ];
}
