import { z } from 'zod';
import type { Executor } from '../../db/connection';
import { defineJob } from '../../platform/jobs';
import { purgeExpiredSessions } from '../../platform/auth/sessions';

/** Hourly: sessions past their expiry are deleted (they were kept forever before). Safe to run twice. */
export const SESSIONS_PURGE_CRON = '29 * * * *';

export function sessionsPurgeJob(db: Executor) {
  return defineJob({
    name: 'auth.purge-sessions',
    schema: z.object({}).passthrough(),
    policy: 'singleton',
    async handler() {
      await purgeExpiredSessions(db);
    },
  });
}
