import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Database } from '../db/connection';
import { incomingMail } from '../db/schema';

/** A tiny valid PNG (1×1), for attachments that pass the content check. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** RFC 2047 B-encoding of a header value (UTF-8). */
export const encodeWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

export type RawLetterOptions = {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  /** How the text part is written on the wire. */
  encoding?: '8bit' | 'quoted-printable' | 'base64';
  attachments?: Array<{ name: string; content: Buffer; contentType: string }>;
};

function qp(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  let line = '';
  const out: string[] = [];
  for (const b of bytes) {
    const ch =
      b === 0x0a
        ? '\n'
        : b >= 33 && b <= 126 && b !== 61
          ? String.fromCharCode(b)
          : b === 32
            ? ' '
            : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (ch === '\n') {
      out.push(line);
      line = '';
      continue;
    }
    if (line.length + ch.length > 73) {
      out.push(`${line}=`);
      line = '';
    }
    line += ch;
  }
  out.push(line);
  return out.join('\r\n');
}

/** A raw RFC 5322 letter, written by hand so tests control every header and encoding. */
export function rawLetter(o: RawLetterOptions): Buffer {
  const id = o.messageId ?? `<${randomUUID()}@customer.test>`;
  const encoding = o.encoding ?? '8bit';
  const head = [
    `From: ${o.from}`,
    `To: ${o.to}`,
    `Subject: ${/^[\x20-\x7e]*$/.test(o.subject) ? o.subject : encodeWord(o.subject)}`,
    `Message-ID: ${id}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`] : []),
    ...(o.references?.length ? [`References: ${o.references.join(' ')}`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  const body =
    encoding === 'base64'
      ? (
          Buffer.from(o.text, 'utf8')
            .toString('base64')
            .match(/.{1,76}/g) ?? []
        ).join('\r\n')
      : encoding === 'quoted-printable'
        ? qp(o.text)
        : o.text.replace(/\r?\n/g, '\r\n');
  const textPart = [`Content-Type: text/plain; charset=utf-8`, `Content-Transfer-Encoding: ${encoding}`, '', body];
  if (!o.attachments?.length) return Buffer.from([...head, ...textPart].join('\r\n') + '\r\n', 'utf8');
  const boundary = `b_${randomUUID()}`;
  const parts = [
    [`--${boundary}`, ...textPart],
    ...o.attachments.map((a) => [
      `--${boundary}`,
      `Content-Type: ${a.contentType}; name="${encodeWord(a.name)}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${encodeWord(a.name)}"`,
      '',
      (a.content.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n'),
    ]),
  ];
  return Buffer.from(
    [...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts.flat(), `--${boundary}--`, ''].join('\r\n'),
    'utf8',
  );
}

/** Sends a raw letter over real SMTP to a listener on 127.0.0.1. */
export async function sendRaw(port: number, envelope: { from: string; to: string[] }, raw: Buffer): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return info.response;
  } finally {
    transport.close();
  }
}

/** Waits until a stored letter has left `received` (processed by the job); returns its row. */
export async function waitProcessed(db: Database, messageId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.select().from(incomingMail).where(eq(incomingMail.messageId, messageId.toLowerCase()));
    const done = rows.filter((r) => r.state !== 'received');
    if (rows.length > 0 && done.length === rows.length) return done[0]!;
    if (Date.now() > deadline)
      throw new Error(`letter ${messageId} not processed in time (${rows.map((r) => r.state).join(',')})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
