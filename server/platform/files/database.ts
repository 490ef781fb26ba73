/**
 * FILE_STORAGE=database: file contents in PostgreSQL (or PGlite), in 1 MiB `bytea` pieces.
 *
 * Why pieces in a table rather than large objects: rows are transactional like everything else,
 * cascade with their content, replicate and `pg_dump` with the rest of the data, need no
 * `lo_unlink` bookkeeping, and read and write through the same driver call on both engines (pg has
 * no streaming large-object API without another package, PGlite none at all). A piece is one
 * round trip, so a file streams in and out with at most one piece in memory on either side.
 *
 * Uploads of the same bytes share one content (deduplicated by SHA-256, known only at the end of
 * the stream): an upload writes its pieces under a pending content, then in one transaction either
 * becomes the content of its hash or, when that content exists already, touches it and drops its
 * own pieces. Each upload keeps its own key (`stored_files`); the sweep removes keys no attachment
 * names and contents no key names, after a grace period that covers an upload between its put and
 * the row that records it.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/connection';
import { AppError } from '../../errors';
import { inspectUpload } from './inspect';
import { checkKey, failedStream, newKey, type FileStorage } from './storage';

/** Size of one stored piece. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Columns that name stored files. A module that keeps file keys somewhere else adds its column here,
 * or the sweep would take its files for orphans.
 */
export const FILE_REFERENCES: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'attachments', column: 'storage_key' },
];

const asBuffer = (v: Buffer | Uint8Array): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));

/** Writes the stream into pieces of `CHUNK_BYTES` under one content, one INSERT per piece (see readPiece on PGlite). */
function pieceWriter(handle: DbHandle, contentId: string): Writable {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  const write = async (piece: Buffer) => {
    if (handle.engine === 'pglite')
      await handle.query(`INSERT INTO file_chunks (content_id, seq, data) VALUES ($1, $2, decode($3, 'base64'))`, [
        contentId,
        seq,
        piece.toString('base64'),
      ]);
    else
      await handle.query('INSERT INTO file_chunks (content_id, seq, data) VALUES ($1, $2, $3)', [contentId, seq, piece], {
        name: 'paydesk_file_chunk_insert',
      });
    seq += 1;
  };
  const flushFull = async () => {
    while (pendingBytes >= CHUNK_BYTES) {
      const all = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      await write(all.subarray(0, CHUNK_BYTES));
      const rest = all.subarray(CHUNK_BYTES);
      pending = rest.length > 0 ? [Buffer.from(rest)] : [];
      pendingBytes = rest.length;
    }
  };
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < CHUNK_BYTES) return done();
      flushFull().then(() => done(), done);
    },
    final(done) {
      if (pendingBytes === 0) return done();
      write(Buffer.concat(pending, pendingBytes)).then(() => done(), done);
    },
  });
}

/**
 * One piece, or null past the last. pg sends a Buffer as a binary parameter and parses the hex answer
 * natively; PGlite's own bytea conversion is slow in JavaScript (2 s for 1 MiB against 30 ms), so there
 * the pieces travel as base64 text, which both sides code in native code.
 */
async function readPiece(handle: DbHandle, contentId: string, seq: number): Promise<Buffer | null> {
  if (handle.engine === 'pglite') {
    const { rows } = await handle.query<{ data: string }>(
      `SELECT encode(data, 'base64') AS data FROM file_chunks WHERE content_id = $1 AND seq = $2`,
      [contentId, seq],
    );
    return rows[0] ? Buffer.from(rows[0].data, 'base64') : null;
  }
  const { rows } = await handle.query<{ data: Buffer | Uint8Array }>(
    'SELECT data FROM file_chunks WHERE content_id = $1 AND seq = $2',
    [contentId, seq],
    { name: 'paydesk_file_chunk_read' },
  );
  return rows[0] ? asBuffer(rows[0].data) : null;
}

type Located = { contentId: string } | null;

/** Reads a content piece by piece; a piece is asked for only when the reader wants more. */
function pieceReader(handle: DbHandle, locate: () => Promise<Located>, fallback?: () => Readable): Readable {
  let contentId: string | null = null;
  let seq = 0;
  let delegate: Readable | null = null;
  const out = new Readable({
    read() {
      // Reading from the fallback: it pauses when this stream is full and goes on when asked again.
      if (delegate) {
        delegate.resume();
        return;
      }
      void (async () => {
        if (contentId === null) {
          const found = await locate();
          if (!found) {
            if (!fallback) throw new AppError('NOT_FOUND');
            delegate = fallback();
            delegate.on('error', (err) => out.destroy(err));
            delegate.on('end', () => out.push(null));
            delegate.on('data', (chunk: Buffer) => {
              if (!out.push(chunk)) delegate?.pause();
            });
            return;
          }
          contentId = found.contentId;
        }
        const piece = await readPiece(handle, contentId, seq);
        seq += 1;
        out.push(piece);
      })().catch((err: unknown) => out.destroy(err as Error));
    },
  });
  return out;
}

export type DatabaseStorageOptions = {
  /**
   * Where to look for a key the database does not have: the local directory of an installation
   * that kept files on disk before, until `files migrate --to database` has moved them.
   */
  fallback?: FileStorage;
};

/** File storage in the database both engines share: any number of nodes see the same files. */
export function createDatabaseStorage(handle: DbHandle, options: DatabaseStorageOptions = {}): FileStorage {
  const { fallback } = options;
  return {
    kind: 'database',
    async put(source, putOptions) {
      const key = putOptions.key ? checkKey(putOptions.key) : newKey();
      const [pending] = (await handle.query<{ id: string }>('INSERT INTO file_contents DEFAULT VALUES RETURNING id')).rows;
      const pendingId = pending!.id;
      const inspect = inspectUpload(putOptions);
      try {
        await pipeline(source, inspect, pieceWriter(handle, pendingId));
        const file = { key, ...inspect.result() };
        await handle.db.transaction(async (tx) => {
          // Uploads of the same bytes finish one at a time, so exactly one of them creates the content.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${file.sha256}, 0))`);
          const existing = (
            (await tx.execute(
              sql`UPDATE file_contents SET touched_at = now() WHERE sha256 = ${file.sha256} RETURNING id`,
            )) as unknown as { rows: Array<{ id: string }> }
          ).rows[0];
          let contentId = pendingId;
          if (existing) {
            contentId = existing.id;
            await tx.execute(sql`DELETE FROM file_contents WHERE id = ${pendingId}`);
          } else {
            await tx.execute(
              sql`UPDATE file_contents SET sha256 = ${file.sha256}, size = ${file.size}, touched_at = now() WHERE id = ${pendingId}`,
            );
          }
          // A key written again (a resumed migration) points at the new content; the old one is swept.
          await tx.execute(sql`
            INSERT INTO stored_files (key, content_id, size, content_type, sha256)
            VALUES (${key}, ${contentId}, ${file.size}, ${file.contentType}, ${file.sha256})
            ON CONFLICT (key) DO UPDATE SET content_id = EXCLUDED.content_id, size = EXCLUDED.size,
              content_type = EXCLUDED.content_type, sha256 = EXCLUDED.sha256`);
        });
        return file;
      } catch (err) {
        await handle.query('DELETE FROM file_contents WHERE id = $1 AND sha256 IS NULL', [pendingId]).catch(() => undefined);
        throw err;
      }
    },
    read(key) {
      try {
        checkKey(key);
      } catch (err) {
        return failedStream(err as Error);
      }
      const locate = async (): Promise<Located> => {
        const { rows } = await handle.query<{ content_id: string }>('SELECT content_id FROM stored_files WHERE key = $1', [key], {
          name: 'paydesk_stored_file_by_key',
        });
        return rows[0] ? { contentId: rows[0].content_id } : null;
      };
      return pieceReader(handle, locate, fallback ? () => fallback.read(key) : undefined);
    },
    async remove(key) {
      // Only the key goes now; its content stays while another key shares it, and the sweep takes it after.
      await handle.query('DELETE FROM stored_files WHERE key = $1', [key]);
      await fallback?.remove(key).catch(() => undefined);
    },
  };
}

export type SweepResult = { keys: number; contents: number };

/**
 * Removes stored files that no attachment names and were stored more than `graceSeconds` ago, then
 * contents that no stored file names and that no upload touched within the grace period (pending
 * contents of uploads that died mid-stream included). Safe beside concurrent uploads: an upload
 * touches the content it lands on in the transaction that records its key, and the DELETE re-checks
 * `touched_at` on the row version it finally locks. Works in batches of `batch` rows.
 */
export async function sweepFiles(
  handle: DbHandle,
  options: { graceSeconds?: number; batch?: number } = {},
): Promise<SweepResult> {
  const grace = options.graceSeconds ?? 3600;
  const batch = options.batch ?? 500;
  const unreferenced = FILE_REFERENCES.map(
    ({ table, column }) => `NOT EXISTS (SELECT 1 FROM "${table}" r WHERE r."${column}" = s.key)`,
  ).join(' AND ');
  let keys = 0;
  for (;;) {
    const { rows } = await handle.query<{ n: number }>(
      `WITH doomed AS (
         SELECT s.key FROM stored_files s
          WHERE s.created_at < now() - make_interval(secs => $1) AND ${unreferenced}
          LIMIT $2 FOR UPDATE SKIP LOCKED)
       , gone AS (DELETE FROM stored_files WHERE key IN (SELECT key FROM doomed) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [grace, batch],
    );
    const n = rows[0]?.n ?? 0;
    keys += n;
    if (n < batch) break;
  }
  let contents = 0;
  for (;;) {
    const { rows } = await handle.query<{ n: number }>(
      `WITH doomed AS (
         SELECT c.id FROM file_contents c
          WHERE c.touched_at < now() - make_interval(secs => $1)
            AND NOT EXISTS (SELECT 1 FROM stored_files s WHERE s.content_id = c.id)
          LIMIT $2 FOR UPDATE SKIP LOCKED)
       , gone AS (DELETE FROM file_contents c USING doomed d
                   WHERE c.id = d.id AND c.touched_at < now() - make_interval(secs => $1) RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [grace, batch],
    );
    const n = rows[0]?.n ?? 0;
    contents += n;
    if (n < batch) break;
  }
  return { keys, contents };
}
