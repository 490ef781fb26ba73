import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_TYPES } from '../../../common/forms/types';
import { createTestDb, type TestDb } from '../../test/db';
import { EXE_BYTES, PNG_1x1 } from '../../test/files';
import { startFakeS3, type FakeS3 } from '../../test/s3';
import { CHUNK_BYTES, createDatabaseStorage, sweepFiles } from './database';
import { createS3Client, createS3Storage } from './s3';
import { createLocalStorage, newKey, type FileStorage } from './storage';

// One contract for every FileStorage: what goes in comes out byte for byte, a refusal keeps
// nothing, a missing key is NOT_FOUND. The database storage on PGlite or PostgreSQL
// (TEST_DATABASE_URL), the S3 storage against a local S3-compatible server.

const MIB = 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A PNG signature and `size - 8` random bytes, sent in uneven pieces. */
const png = (size: number) => Buffer.concat([PNG_1x1.subarray(0, 8), randomBytes(size - 8)]);
const pieces = (b: Buffer, n = 70_001) =>
  Readable.from(Array.from({ length: Math.ceil(b.length / n) }, (_, i) => b.subarray(i * n, (i + 1) * n)));
const put = (s: FileStorage, b: Buffer, extra: { maxBytes?: number; key?: string } = {}) =>
  s.put(pieces(b), {
    maxBytes: extra.maxBytes ?? 20 * MIB,
    accept: FILE_TYPES,
    field: 'scan',
    ...(extra.key ? { key: extra.key } : {}),
  });
const readAll = async (s: FileStorage, key: string) => {
  const chunks: Buffer[] = [];
  for await (const c of s.read(key)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

let db: TestDb;
let s3: FakeS3;
beforeAll(async () => {
  db = await createTestDb();
  s3 = await startFakeS3();
});
afterAll(async () => {
  await db?.dispose();
  await s3?.close();
});

const kinds: Array<[string, () => FileStorage, () => Promise<number>]> = [
  ['local', () => createLocalStorage(mkdtempSync(path.join(tmpdir(), 'paydesk-files-'))), async () => 0],
  [
    'database',
    () => createDatabaseStorage(db),
    async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_contents WHERE sha256 IS NULL')).rows[0]!.n,
  ],
  [
    's3',
    () => createS3Storage(s3.options),
    async () => {
      const client = createS3Client(s3.options);
      const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.options.bucket }));
      client.destroy();
      return listed.KeyCount ?? 0;
    },
  ],
];

describe.each(kinds)('%s storage', (kind, make, leftovers) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = make();
  });

  it('streams a file of several pieces in and out byte for byte, with its size, hash and type', async () => {
    const bytes = png(2 * CHUNK_BYTES + 12_345);
    const stored = await put(storage, bytes);
    expect(storage.kind).toBe(kind);
    expect(stored).toMatchObject({ size: bytes.length, sha256: sha(bytes), contentType: 'image/png' });
    expect(stored.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect((await readAll(storage, stored.key)).equals(bytes)).toBe(true);
  });

  it('keeps a tiny file whose type is decided at the end', async () => {
    const stored = await put(storage, PNG_1x1);
    expect((await readAll(storage, stored.key)).equals(PNG_1x1)).toBe(true);
  });

  it('refuses by content and by size while streaming, keeping nothing', async () => {
    const before = await leftovers();
    await expect(put(storage, EXE_BYTES)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(put(storage, png(3 * MIB), { maxBytes: 2 * MIB })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { maxBytes: 2 * MIB, field: 'scan' },
    });
    expect(await leftovers()).toBe(before);
  });

  it('answers NOT_FOUND for a key it does not have, a removed key and a key that is not ours', async () => {
    await expect(readAll(storage, newKey())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stored = await put(storage, png(5000));
    await storage.remove(stored.key);
    await expect(readAll(storage, stored.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readAll(storage, '../../secret.key')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('writes a given key again (a resumed migration) with the new bytes', async () => {
    const key = newKey();
    await put(storage, png(3000), { key });
    const second = png(4000);
    await put(storage, second, { key });
    expect((await readAll(storage, key)).equals(second)).toBe(true);
  });
});

describe('database storage: deduplication and the sweep', () => {
  const storage = () => createDatabaseStorage(db);
  const contentsOf = async (hash: string) =>
    (await db.query<{ id: string }>('SELECT id FROM file_contents WHERE sha256 = $1', [hash])).rows;

  it('keeps one content for uploads of the same bytes, even at once, and each upload its own key', async () => {
    const bytes = png(CHUNK_BYTES + 99);
    const stored = await Promise.all(Array.from({ length: 4 }, () => put(storage(), bytes)));
    expect(new Set(stored.map((s) => s.key)).size).toBe(4);
    expect(await contentsOf(sha(bytes))).toHaveLength(1);
    for (const s of stored) expect((await readAll(storage(), s.key)).equals(bytes)).toBe(true);
    // Removing one key leaves the content to the others.
    await storage().remove(stored[0]!.key);
    expect((await readAll(storage(), stored[1]!.key)).equals(bytes)).toBe(true);
  });

  it('sweeps keys no attachment names and contents no key names, only past the grace period', async () => {
    const bytes = png(10_000);
    const kept = await put(storage(), bytes);
    expect(await sweepFiles(db, { graceSeconds: 3600 })).toEqual({ keys: 0, contents: 0 });
    expect((await readAll(storage(), kept.key)).equals(bytes)).toBe(true);
    const swept = await sweepFiles(db, { graceSeconds: 0 });
    expect(swept.keys).toBeGreaterThanOrEqual(1);
    expect(swept.contents).toBeGreaterThanOrEqual(1);
    await expect(readAll(storage(), kept.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await contentsOf(sha(bytes))).toHaveLength(0);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM file_chunks');
    expect(rows[0]!.n).toBe(0);
  });

  it('never takes a content from an upload that lands on it while the sweep runs', async () => {
    const bytes = png(20_000);
    await put(storage(), bytes).then((s) => storage().remove(s.key));
    // The content is now unreferenced and past the grace period; uploads of the same bytes race the sweep.
    await db.query(`UPDATE file_contents SET touched_at = now() - interval '2 hours' WHERE sha256 = $1`, [sha(bytes)]);
    const results = await Promise.all([
      ...Array.from({ length: 3 }, () => put(storage(), bytes)),
      sweepFiles(db, { graceSeconds: 3600 }),
    ]);
    const uploads = results.slice(0, 3) as Array<{ key: string }>;
    for (const u of uploads) expect((await readAll(storage(), u.key)).equals(bytes)).toBe(true);
  });
});
