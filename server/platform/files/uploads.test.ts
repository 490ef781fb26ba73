import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, storedFiles, tickets } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { EXE_BYTES, multipart, PNG_1x1 } from '../../test/files';
import { fillRequired, leafForm } from '../../test/forms';
import { fieldProblems } from '../../test/issues';

// Uploads through the filing API (issue 14, item 7): the answer names the field, the file and the
// limit; stored names are harmless; a PDF is one by its first bytes. On both file storages.

const MIB = 1024 * 1024;
/** A PNG signature followed by `size` bytes: a "PNG" of any size for the size checks. */
const bigPng = (size: number) => Buffer.concat([PNG_1x1.subarray(0, 8), Buffer.alloc(size - 8, 0x42)]);

describe.each(['local', 'database'] as const)('uploads with FILE_STORAGE=%s', (storage) => {
  let t: TestApp;
  let ipN = 1;
  let form: { id: string; fields: Array<{ key: string; type: string }> };
  let scanField: string;

  beforeAll(async () => {
    t = await createTestApp({
      seed: true,
      env: { FILE_STORAGE: storage, UPLOAD_MAX_MB: '1', TICKETS_PER_IP_HOUR: '1000', TICKETS_PER_EMAIL_HOUR: '1000' },
    });
    form = await leafForm(t.ctx.db, t.app, 'terminal-payment-with-receipt');
    scanField = form.fields.find((f) => f.type === 'files')?.key ?? 'receipt_scan';
  });
  afterAll(async () => t?.dispose());

  const file = async (files: Array<{ name: string; content: Buffer; field?: string }>) => {
    const body = multipart(
      { categoryId: form.id, email: `files-${storage}@example.test`, fields: fillRequired(form.fields as never) },
      files.map((f) => ({ field: f.field ?? scanField, name: f.name, type: 'image/png', content: f.content })),
    );
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: body.headers,
      payload: body.payload,
      remoteAddress: `10.77.0.${ipN++}`,
    });
  };
  const storedCount = async () => (storage === 'database' ? (await t.ctx.db.select().from(storedFiles)).length : 0);

  it('answers 413 naming the field, the file and the limit for a file over the size limit, and keeps nothing', async () => {
    const before = await storedCount();
    const res = await file([{ name: 'большой.png', content: bigPng(MIB + 10) }]);
    expect(res.statusCode).toBe(413);
    const { error } = res.json();
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.details).toMatchObject({ field: scanField, name: 'большой.png', maxBytes: MIB });
    expect(fieldProblems({ error })[scanField]).toMatchObject({
      code: 'file_too_large',
      params: { name: 'большой.png', maxMb: 1 },
    });
    expect(await storedCount()).toBe(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const res = await file([{ name: 'ровно.png', content: bigPng(MIB) }]);
    expect(res.statusCode, res.body).toBe(201);
  });

  it('answers 413 naming the field and the count for too many files', async () => {
    const res = await file(Array.from({ length: 11 }, (_, i) => ({ name: `чек-${i}.png`, content: PNG_1x1 })));
    expect(res.statusCode).toBe(413);
    const { error } = res.json();
    expect(error.details).toMatchObject({ field: scanField, maxFiles: 10 });
    expect(fieldProblems({ error })[scanField]).toMatchObject({ code: 'too_many_files', params: { max: 10 } });
  });

  it('answers 415 naming the file once, without control characters', async () => {
    const res = await file([{ name: 'setup\u202egpj.exe', content: EXE_BYTES }]);
    expect(res.statusCode).toBe(415);
    const { error } = res.json();
    expect(error.details).toMatchObject({ field: scanField, name: 'setupgpj.exe' });
    expect(fieldProblems({ error })[scanField]).toMatchObject({
      code: 'file_type_not_allowed',
      params: { name: 'setupgpj.exe', allowed: 'JPEG, PNG, HEIC, PDF' },
    });
  });

  it('refuses a PDF whose header is not at offset 0 (a polyglot)', async () => {
    const polyglot = Buffer.concat([Buffer.from('<html><script>alert(1)</script>'), Buffer.from('%PDF-1.4\n1 0 obj\n')]);
    const res = await file([{ name: 'statement.pdf', content: polyglot }]);
    expect(res.statusCode).toBe(415);
    const real = await file([{ name: 'statement.pdf', content: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n') }]);
    expect(real.statusCode, real.body).toBe(201);
  });

  it('stores names without bidi overrides and with the extension of the detected type; downloads the same bytes', async () => {
    const res = await file([
      { name: 'чек\u202egnp.exe', content: PNG_1x1 },
      { name: '\u2066фото\u2069.pdf', content: PNG_1x1 },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number));
    const rows = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket!.id));
    expect(rows.map((r) => r.name).sort()).toEqual(['фото.png', 'чекgnp.png']);
    for (const row of rows) {
      const chunks: Buffer[] = [];
      for await (const chunk of t.ctx.storage.read(row.storageKey)) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(PNG_1x1)).toBe(true);
    }
    if (storage === 'database') {
      // Two uploads of the same bytes: two keys, one content.
      const keys = await t.ctx.db.select().from(storedFiles);
      const mine = keys.filter((k) => rows.some((r) => r.storageKey === k.key));
      expect(mine).toHaveLength(2);
      expect(mine[0]!.contentId).toBe(mine[1]!.contentId);
    }
  });
});
