import { z } from 'zod';
import type { AppContext } from '../../context';
import { defineJob } from '../jobs';
import { sweepFiles } from './database';

/** Hourly, on one worker: stored files no attachment names, then contents no file names (FILE_STORAGE=database). */
export const FILES_SWEEP_CRON = '23 * * * *';

/** The sweep of the database file storage as a job (safe to run twice, and beside uploads). */
export function filesSweepJob(ctx: AppContext) {
  return defineJob({
    name: 'files.sweep',
    schema: z.object({}).passthrough(),
    policy: 'singleton',
    async handler(_payload, job) {
      if (ctx.storage.kind !== 'database') return;
      const removed = await sweepFiles(ctx.handle);
      if (removed.keys + removed.contents > 0) job.log.info(removed, 'unreferenced files removed');
    },
  });
}
