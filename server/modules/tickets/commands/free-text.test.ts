import { eq } from 'drizzle-orm';
import type { FormDef } from '../../../../common/forms/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, ticketMessages, tickets } from '../../../db/schema';
import { withTransaction } from '../../../platform/outbox';
import { createTestContext, type TestContext } from '../../../test/app';
import { makeCustomer } from '../../../test/factories';
import { appendMessage, freeTextSealer, openRequest, withSealedDocuments } from '.';

/** A reversible stand-in for the PII cipher: enough to see what was sealed. */
const fakeCipher = { encrypt: (plain: string) => `sealed(${plain})` };

describe('the free-text step', () => {
  it('masks every number and seals each distinct one once, across the texts of one change', () => {
    const s = freeTextSealer(fakeCipher);
    const subject = s.text('Паспорт 4510 111111');
    const fields = s.fields({ description: 'паспорт 4510 111111, карта 4111 1111 1111 1111', topic: 'wallet' }, null);
    expect(subject).toBe('Паспорт •••• ••••11');
    expect(fields.description).toBe('паспорт •••• ••••11, карта •••• •••• •••• 1111');
    expect(fields.topic).toBe('wallet');
    expect(s.documents.map((d) => d.sealed)).toEqual(['sealed(4510 111111)', 'sealed(4111 1111 1111 1111)']);
  });

  it('leaves the form’s own sealed fields alone', () => {
    const s = freeTextSealer(fakeCipher);
    expect(s.fields({ passport_data: '4510 111111' }, null, { passport_data: 'v2:…' })).toEqual({ passport_data: '4510 111111' });
    expect(s.documents).toEqual([]);
  });

  it('reads only the form’s prose fields: a receipt number that passes Luhn stays as typed', () => {
    const s = freeTextSealer(fakeCipher);
    const form = {
      fields: [
        { key: 'receipt_number', type: 'receipt_number' },
        { key: 'description', type: 'textarea' },
      ],
    } as unknown as FormDef;
    const out = s.fields({ receipt_number: '4111 1111 1111 1111', description: 'карта 4111 1111 1111 1111' }, form);
    expect(out.receipt_number).toBe('4111 1111 1111 1111');
    expect(out.description).toBe('карта •••• •••• •••• 1111');
  });

  it('files each number under its own key, never over one taken before', () => {
    const next = withSealedDocuments({ fields: { passport_data: '•• mask' }, sealedFields: { passport_data: 'old' } }, [
      { kind: 'ru_passport', sealed: 'p', mask: 'mp' },
      { kind: 'card', sealed: 'c', mask: 'mc' },
      { kind: 'card', sealed: 'c2', mask: 'mc2' },
    ]);
    expect(next.sealedFields).toEqual({ passport_data: 'old', passport_data_2: 'p', card_number: 'c', card_number_2: 'c2' });
    expect(next.fields).toMatchObject({ passport_data_2: 'mp', card_number: 'mc', card_number_2: 'mc2' });
  });

  it('gets through a 100 kB text full of digit groups and finds the numbers in it', () => {
    const filler = '1234 5678 9012 345 67 89 — платёж 12.03.2024 на 1 500,00 руб., терминал 123456789; '.repeat(1200);
    const text = `${filler}паспорт 4510 222222, ${filler}карта 5555 5555 5555 4444.`;
    expect(text.length).toBeGreaterThan(100_000);
    const s = freeTextSealer(fakeCipher);
    const masked = s.text(text);
    // (includes, not toContain: a failure would print 100 kB)
    expect(masked.includes('4510 222222')).toBe(false);
    expect(masked.includes('5555 5555 5555 4444')).toBe(false);
    expect(masked.length).toBe(text.length);
    expect(s.documents.map((d) => d.kind)).toEqual(['ru_passport', 'card']);
  });
});

describe('the free-text step in the commands', () => {
  let t: TestContext;
  let leaf: string;
  beforeAll(async () => {
    t = await createTestContext({ seed: true });
    const [row] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'feedback-suggestion'));
    leaf = row!.id;
  });
  afterAll(async () => t?.dispose());

  it('stores masks in the request and its messages, and the originals sealed under the key', async () => {
    const c = await makeCustomer(t.ctx.db);
    const opened = await openRequest(t.ctx, {
      channel: 'web',
      categoryId: leaf,
      requester: { kind: 'customer', customer: c },
      requesterName: c.name,
      subject: 'Карта 4111 1111 1111 1111',
      locale: 'ru',
      replyChannel: 'email',
      fields: { topic: 'wallet', description: 'Паспорт 4510 111111' },
      body: 'Паспорт 4510 111111',
      files: [],
      contact: c.email,
    });
    if (opened.kind !== 'opened') throw new Error('not opened');
    await withTransaction(t.ctx, async (tx) => {
      const [row] = await tx.select().from(tickets).where(eq(tickets.id, opened.opened.id)).for('update');
      await appendMessage(tx, t.ctx, {
        ticket: row!,
        author: { kind: 'customer', id: c.id },
        visibility: 'public',
        body: 'Ещё паспорт КВ 123456',
        source: 'web',
      });
    });
    const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, opened.opened.id));
    const bodies = (await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, opened.opened.id))).map(
      (m) => m.body,
    );
    expect(ticket!.subject).toBe('Карта •••• •••• •••• 1111');
    expect(ticket!.fields.description).toBe('Паспорт •••• ••••11');
    expect(bodies.sort()).toEqual(['Ещё паспорт •• ••••56', 'Паспорт •••• ••••11']);
    const opens = Object.fromEntries(Object.entries(ticket!.sealedFields).map(([k, v]) => [k, t.ctx.cipher.decrypt(v)]));
    expect(opens).toEqual({ card_number: '4111 1111 1111 1111', passport_data: '4510 111111', passport_data_2: 'КВ 123456' });
  });
});
