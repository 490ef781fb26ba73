import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paymentChecks } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { countCheck, flushCounts, pendingCounts } from './payments.counter';
import { checkCounts } from './payments.repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.dispose();
});

describe('payment check counts in batches', () => {
  it('holds counts until a flush, then writes all of them in one go', async () => {
    const before = (await t.ctx.db.select().from(paymentChecks)).length;
    for (let i = 0; i < 5; i++) countCheck(t.ctx.db, { source: 'portal', outcome: i % 2 ? 'done' : 'not_found' });
    expect(pendingCounts(t.ctx.db)).toBe(5);
    expect((await t.ctx.db.select().from(paymentChecks)).length).toBe(before);
    await flushCounts(t.ctx.db);
    expect(pendingCounts(t.ctx.db)).toBe(0);
    expect((await t.ctx.db.select().from(paymentChecks)).length).toBe(before + 5);
  });

  it('writes the counts by itself, without a reader asking', async () => {
    const before = (await t.ctx.db.select().from(paymentChecks)).length;
    for (let i = 0; i < 200; i++) countCheck(t.ctx.db, { source: 'wizard', outcome: 'processing' });
    // No flush, no reader: the 200th count starts the write by itself.
    await vi.waitFor(async () => expect((await t.ctx.db.select().from(paymentChecks)).length).toBe(before + 200), {
      timeout: 15_000,
      interval: 50,
    });
    expect(pendingCounts(t.ctx.db)).toBe(0);
  });

  it('gives a reader of the counts every check made so far', async () => {
    const before = await checkCounts(t.ctx.db, new Date(0));
    countCheck(t.ctx.db, { source: 'agents', outcome: 'done' });
    countCheck(t.ctx.db, { source: 'console', outcome: 'done' });
    const after = await checkCounts(t.ctx.db, new Date(0));
    expect(after.byOutcome.done).toBe((before.byOutcome.done ?? 0) + 2);
    // The operator's check answers the operator, not a customer: it is no deflection.
    expect(after.deflections).toBe(before.deflections + 1);
  });
});
