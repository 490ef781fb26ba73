import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { multipart, PNG_1x1 } from '../../test/files';
import { fillRequired, leafForm } from '../../test/forms';
import { startFakeS3, type FakeS3 } from '../../test/s3';
import { createFileStorage, createStorageOf, localFilesDir } from './configured';
import { filesCommand } from './migrate';
import type { FileStorage } from './storage';

// `files migrate`: every attachment's file copied under its key, verified, resumable.

let t: TestApp;
let s3: FakeS3;
const keys: string[] = [];
const contents = new Map<string, Buffer>();

const readAll = async (s: FileStorage, key: string) => {
  const chunks: Buffer[] = [];
  for await (const c of s.read(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  s3 = await startFakeS3('paydesk-migrate');
  // Files uploaded while the installation kept them on disk.
  t = await createTestApp({ seed: true, env: { ...s3.env, FILE_STORAGE: 'local', TICKETS_PER_IP_HOUR: '1000' } });
  const form = await leafForm(t.ctx.db, t.app, 'terminal-payment-with-receipt');
  const field = form.fields.find((f) => f.type === 'files')!.key;
  for (let i = 0; i < 3; i++) {
    const bytes = Buffer.concat([PNG_1x1.subarray(0, 8), randomBytes(50_000 + i)]);
    const body = multipart({ categoryId: form.id, email: `m${i}@example.test`, fields: fillRequired(form.fields as never) }, [
      { field, name: `чек-${i}.png`, type: 'image/png', content: bytes },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: body.headers, payload: body.payload });
    expect(res.statusCode, res.body).toBe(201);
  }
  const { rows } = await t.ctx.handle.query<{ storage_key: string }>('SELECT storage_key FROM attachments ORDER BY storage_key');
  for (const r of rows) {
    keys.push(r.storage_key);
    contents.set(r.storage_key, await readAll(t.ctx.storage, r.storage_key));
  }
});
afterAll(async () => {
  await t?.dispose();
  await s3?.close();
});

const run = async (args: string[]) => {
  const lines: string[] = [];
  const code = await filesCommand(args, { config: t.ctx.config, handle: t.ctx.handle, out: (l) => lines.push(l) });
  return { code, text: lines.join('\n') };
};

describe('files migrate', () => {
  it('copies every file to the database under the same key, then skips them when run again', async () => {
    const first = await run(['migrate', '--to', 'database']);
    expect(first.code, first.text).toBe(0);
    expect(first.text).toContain('3 in total, 3 copied, 0 already there');
    const database = createStorageOf('database', t.ctx.config, t.ctx.handle, { fallback: false });
    for (const key of keys) expect((await readAll(database, key)).equals(contents.get(key)!)).toBe(true);
    const again = await run(['migrate', '--to', 'database']);
    expect(again.text).toContain('3 in total, 0 copied, 3 already there');
  });

  it('resumes: copies only what the target lacks', async () => {
    const database = createStorageOf('database', t.ctx.config, t.ctx.handle, { fallback: false });
    await database.remove(keys[1]!);
    const resumed = await run(['migrate', '--to', 'database']);
    expect(resumed.text).toContain('3 in total, 1 copied, 2 already there');
  });

  it('refuses a damaged source file whose SHA-256 is not the recorded one, and says which', async () => {
    const file = path.join(localFilesDir(t.ctx.config), keys[0]!);
    const original = await readFile(file);
    const damaged = Buffer.from(original);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0xff;
    await writeFile(file, damaged);
    try {
      const res = await run(['migrate', '--to', 's3']);
      expect(res.code).toBe(1);
      expect(res.text).toContain(`SHA-256 differs from the one recorded at upload, not copied: ${keys[0]}`);
      expect(res.text).toContain('3 in total, 2 copied, 0 already there, 0 missing, 1 damaged');
      await expect(readAll(createStorageOf('s3', t.ctx.config, t.ctx.handle), keys[0]!)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      await writeFile(file, original);
    }
  });

  it('moves to S3 with --delete-source, after which the app reads every file from the bucket', async () => {
    const res = await run(['migrate', '--to', 's3', '--delete-source']);
    expect(res.code, res.text).toBe(0);
    const local = createStorageOf('local', t.ctx.config, t.ctx.handle);
    await expect(readAll(local, keys[0]!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const bucket = createFileStorage({ ...t.ctx.config, FILE_STORAGE: 's3' }, t.ctx.handle);
    for (const key of keys) expect((await readAll(bucket, key)).equals(contents.get(key)!)).toBe(true);
  });

  it('explains its usage', async () => {
    expect((await run(['migrate'])).code).toBe(2);
    expect((await run(['migrate', '--to', 'local'])).code).toBe(2);
  });
});
