import { createRequire } from 'node:module';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/connection';
import { createExecutor, type JobLogger } from './jobs';

const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as {
  completeJobs(schema: string): string;
  failJobsById(schema: string): string;
};

/** A pool whose every statement fails the way a PostgreSQL restart makes it fail (57P01). */
function restartingPool(): DbHandle {
  const error = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  const pool = { query: () => Promise.reject(error) } as unknown as pg.Pool;
  return { pool } as unknown as DbHandle;
}

function recordingLogger() {
  const warnings: string[] = [];
  const logger: JobLogger = { info: () => undefined, warn: (_obj, msg) => warnings.push(String(msg)), error: () => undefined };
  return { logger, warnings };
}

describe('jobs executor when the database goes away', () => {
  it("resolves pg-boss's unawaited completion and failure with nothing, and says so", async () => {
    const { logger, warnings } = recordingLogger();
    const executor = createExecutor(restartingPool(), logger);
    await expect(executor.executeSql(plans.completeJobs('pgboss'), ['q', ['id'], null])).resolves.toBeUndefined();
    await expect(executor.executeSql(plans.failJobsById('pgboss'), ['q', ['id'], null])).resolves.toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(executor.inFlight.size).toBe(0);
  });

  it('still rejects every statement its caller awaits (a fetch, a send)', async () => {
    const { logger, warnings } = recordingLogger();
    const executor = createExecutor(restartingPool(), logger);
    await expect(executor.executeSql('SELECT 1 WHERE $1', [true])).rejects.toMatchObject({ code: '57P01' });
    expect(warnings).toHaveLength(0);
  });
});
