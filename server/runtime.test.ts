import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { emit } from './platform/outbox';
import { createRuntime } from './runtime';
import { testDatabaseUrl } from './test/db';

/** A logger that keeps what it was told, to read the warnings back. */
function keptLogger() {
  const lines: Array<{ msg?: string; level: number }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of String(chunk).split('\n'))
        if (line.trim()) lines.push(JSON.parse(line) as { msg?: string; level: number });
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

// One process per DATA_DIR: the embedded database, restarted the way `npm start` restarts it.
describe.skipIf(testDatabaseUrl)('a process starting on events the last one left undelivered', () => {
  it('delivers them on its first round, with the jobs they send to already started', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-runtime-'));
    const config = loadConfig({ env: { DATA_DIR: dataDir, SEED_DEMO: 'false' }, warn: () => undefined });
    try {
      // What a crash leaves: a committed event that no handler has seen (a letter to send).
      const first = await createRuntime(config, { logger: pino({ level: 'silent' }), background: false });
      await first.ctx.db.transaction(async (tx) => {
        await emit(tx, { type: 'mail.queued', aggregateType: 'mail', aggregateId: randomUUID() });
      });
      await first.close();

      const { logger, lines } = keptLogger();
      const second = await createRuntime(config, { logger, background: true });
      try {
        const deadline = Date.now() + 30_000;
        while ((await second.ctx.outbox.pendingCount()) > 0 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 100));
        expect(await second.ctx.outbox.pendingCount()).toBe(0);
        expect(lines.filter((l) => l.msg === 'outbox handler failed; will retry')).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
