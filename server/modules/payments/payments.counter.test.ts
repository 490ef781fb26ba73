import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paymentChecks } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { countCheck, flushCounts, pendingCounts } from './payments.counter';
import { checkStats } from './payments.service';

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
    for (let i = 0; i < 5; i++) countCheck(t.ctx.handle, { source: 'portal', outcome: i % 2 ? 'done' : 'not_found' });
    expect(pendingCounts(t.ctx.handle)).toBe(5);
    expect((await t.ctx.db.select().from(paymentChecks)).length).toBe(before);
    await flushCounts(t.ctx.handle);
    expect(pendingCounts(t.ctx.handle)).toBe(0);
    expect((await t.ctx.db.select().from(paymentChecks)).length).toBe(before + 5);
  });

  it('writes the counts by itself, without a reader asking', async () => {
    const before = (await t.ctx.db.select().from(paymentChecks)).length;
    for (let i = 0; i < 200; i++) countCheck(t.ctx.handle, { source: 'wizard', outcome: 'processing' });
    // No flush, no reader: the 200th count starts the write by itself.
    await vi.waitFor(async () => expect((await t.ctx.db.select().from(paymentChecks)).length).toBe(before + 200), {
      timeout: 15_000,
      interval: 50,
    });
    expect(pendingCounts(t.ctx.handle)).toBe(0);
  });

  it('gives a reader of the counts every check made so far', async () => {
    const doneOf = (s: Awaited<ReturnType<typeof checkStats>>) => s.bySource.reduce((n, source) => n + source.outcomes.done, 0);
    const before = await checkStats(t.ctx, 1);
    countCheck(t.ctx.handle, { source: 'agents', outcome: 'done' });
    countCheck(t.ctx.handle, { source: 'console', outcome: 'done' });
    const after = await checkStats(t.ctx, 1);
    expect(doneOf(after)).toBe(doneOf(before) + 2);
    // The operator's check answers the operator, not a customer: it is no deflection.
    expect(after.deflections).toBe(before.deflections + 1);
  });
});
