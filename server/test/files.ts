/** Tiny valid files for upload tests, built from bytes. */

/** A 1×1 PNG. */
export const PNG_1x1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6e1c50000000049454e44ae426082',
  'hex',
);

/** The start of a Windows executable (an "MZ" header), as if renamed to .jpg. */
export const EXE_BYTES = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(2048, 0x41)]);

/** Builds a multipart/form-data body: a `data` JSON part and file parts. */
export function multipart(data: unknown, files: Array<{ field: string; name: string; type: string; content: Buffer }>) {
  const boundary = `----paydesk${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  const push = (s: string) => chunks.push(Buffer.from(s));
  push(
    `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(data)}\r\n`,
  );
  for (const f of files) {
    push(
      `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
    );
    chunks.push(f.content);
    push('\r\n');
  }
  push(`--${boundary}--\r\n`);
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
