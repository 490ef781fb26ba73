import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../db/schema';
import { createSession } from '../../platform/auth/sessions';
import { createTestContext, type TestContext } from '../../test/app';
import { makeStaff } from '../../test/factories';
import { SESSIONS_PURGE_CRON } from './auth.jobs';
import { authModule } from './auth.module';

let t: TestContext;
beforeAll(async () => {
  // A worker: registerBackground schedules what the manifests ask for.
  t = await createTestContext({ jobs: true });
}, 240_000);
afterAll(async () => t?.dispose());

describe('expired sessions are purged by a scheduled job', () => {
  it('deletes the sessions past their expiry and keeps the live ones', async () => {
    const staff = await makeStaff(t.ctx.db);
    const live = await createSession(t.ctx.db, { kind: 'staff', userId: staff.id, ttlHours: 1 });
    const expired = await createSession(t.ctx.db, { kind: 'staff', userId: staff.id, ttlHours: -1 });

    const job = authModule.background?.(t.ctx).jobs?.find((j) => j.name === 'auth.purge-sessions');
    expect(job).toBeDefined();
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    await job?.handler({}, { jobId: 'test', attempt: 1, log });

    const left = (await t.ctx.db.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    expect(left).toContain(live.id);
    expect(left).not.toContain(expired.id);
  });

  it('is scheduled hourly in the worker role', async () => {
    const schedules = (await t.ctx.jobs?.boss.getSchedules()) ?? [];
    expect(schedules.find((s) => s.name === 'auth.purge-sessions')?.cron).toBe(SESSIONS_PURGE_CRON);
  });
});
