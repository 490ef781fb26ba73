import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { createPiiCipher } from '../../platform/keyring';

/**
 * One received letter, parsed: what threading, noise filters and the request need.
 * Bodies here are NOT yet masked (the service masks passport numbers before storing anything).
 */
export type Letter = {
  messageId: string;
  inReplyTo: string[];
  references: string[];
  from: string | null;
  fromName: string;
  subject: string;
  /** The whole text part (or the HTML turned into text). */
  text: string;
  /** The part shown in the thread: quoted history and signature trimmed. */
  shown: string;
  /** The HTML part sanitised for display, or null. */
  html: string | null;
  attachments: Array<{ name: string; contentType: string; content: Buffer }>;
  noise: NoiseReason | null;
  /** For a delivery report: the Message-ID of our letter that bounced and the diagnostic. */
  bounce: { originalMessageId: string | null; recipient: string | null; diagnostic: string } | null;
};

export type NoiseReason = 'auto_submitted' | 'bulk' | 'list' | 'bounce' | 'mailer_daemon';

const ID = /<[^<>\s]+>/g;

/** `<a@b>` lists from a header value (References, In-Reply-To). */
export function messageIds(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
  return [...text.matchAll(ID)].map((m) => m[0].toLowerCase());
}

/** The Message-ID of a raw letter without a full parse (the SMTP listener stores before parsing). */
export function rawMessageId(raw: Buffer): string {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.subarray(0, end >= 0 ? end : Math.min(raw.length, 64 * 1024)).toString('latin1');
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const line = /^message-id:\s*(.*)$/im.exec(unfolded)?.[1] ?? '';
  const id = messageIds(line)[0];
  return id ?? `<${createHash('sha256').update(raw).digest('hex')}@no-message-id>`;
}

const QUOTE_HEADERS = [
  /^-{2,}\s*(original message|исходное сообщение|пересылаемое сообщение|оригінальне повідомлення|forwarded message)\s*-{2,}/i,
  /^(on|в|вт|ср|чт|пт|сб|вс|пн|у)[\s,].{0,160}(wrote|писал|пишет|написал|написала|пише|написав|написала):\s*$/iu,
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}.{0,100}(wrote|писал|пишет|написал|написала|пише|написав):\s*$/i,
  /^(from|от|від):\s.+$/i,
];
const SIGNATURE = /^(--\s?|—\s?|_{3,}|sent from my .+|отправлено с .+|надіслано з .+|с уважением,?|з повагою,?|best regards,?)$/i;

/**
 * The part of a reply worth showing: up to the quoted history ("On … wrote:", "> " lines,
 * "-----Original Message-----") and the signature. Keeps the whole text when trimming would
 * leave nothing (a letter that is only a quote or a forward).
 */
export function trimReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (QUOTE_HEADERS.some((re) => re.test(line)) || (line.startsWith('>') && i > 0)) {
      cut = i;
      break;
    }
  }
  let kept = lines.slice(0, cut);
  const sig = kept.findIndex((l) => SIGNATURE.test(l.trim()));
  if (sig > 0) kept = kept.slice(0, sig);
  const shown = kept.join('\n').trim();
  return shown.length > 0 ? shown : text.trim();
}

/** HTML safe to show in the console: no scripts, styles, event handlers or remote images. */
export function sanitizeLetterHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      'p',
      'br',
      'div',
      'span',
      'b',
      'strong',
      'i',
      'em',
      'u',
      's',
      'a',
      'ul',
      'ol',
      'li',
      'blockquote',
      'pre',
      'code',
      'h1',
      'h2',
      'h3',
      'h4',
      'table',
      'thead',
      'tbody',
      'tr',
      'td',
      'th',
      'hr',
    ],
    allowedAttributes: { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
  });
}

function headerText(parsed: ParsedMail, name: string): string {
  const v = parsed.headers.get(name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string')
    return (v as { value: string }).value;
  return String(v as unknown as string);
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address: string | null; name: string } {
  const obj = Array.isArray(a) ? a[0] : a;
  const first = obj?.value[0];
  return { address: first?.address?.toLowerCase() ?? null, name: first?.name ?? '' };
}

/** Noise we must not answer or file: auto-replies, bulk and list mail, delivery reports. */
function noiseOf(head: string, from: string | null, isReport: boolean): NoiseReason | null {
  if (isReport) return 'bounce';
  const local = from?.split('@')[0] ?? '';
  if (/^(mailer-daemon|postmaster)$/i.test(local)) return 'mailer_daemon';
  const field = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1]?.trim();
  const auto = field('auto-submitted')?.toLowerCase();
  if (auto && !auto.startsWith('no')) return 'auto_submitted';
  if (/^(bulk|list|junk)$/i.test(field('precedence') ?? '')) return 'bulk';
  if (field('list-id') !== undefined || field('list-unsubscribe') !== undefined) return 'list';
  if (field('x-autoreply') !== undefined || field('x-autorespond') !== undefined) return 'auto_submitted';
  return null;
}

const REPORT_FIELD = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im');

/** What a delivery status notification says: which message of ours, to whom, and why. */
function bounceOf(raw: string, parsed: ParsedMail): Letter['bounce'] {
  const unfolded = raw.replace(/\r?\n[ \t]+/g, ' ');
  const diagnostic =
    REPORT_FIELD('Diagnostic-Code')
      .exec(unfolded)?.[1]
      ?.replace(/^smtp;\s*/i, '')
      .trim() ??
    REPORT_FIELD('Status').exec(unfolded)?.[1]?.trim() ??
    parsed.subject ??
    'delivery failed';
  const recipient =
    REPORT_FIELD('Final-Recipient')
      .exec(unfolded)?.[1]
      ?.replace(/^rfc822;\s*/i, '')
      .trim() ?? null;
  // The returned message's headers carry our Message-ID (text/rfc822-headers or message/rfc822).
  const original = /^message-id:\s*(<[^<>\s]+>)/gim;
  const ids = [...unfolded.matchAll(original)].map((m) => (m[1] ?? '').toLowerCase());
  const own = messageIds(headerText(parsed, 'message-id'))[0];
  const originalMessageId = ids.find((id) => id !== own) ?? null;
  return { originalMessageId, recipient, diagnostic: diagnostic.slice(0, 500) };
}

/** Parses a raw letter (any transfer encoding, RFC 2047 headers and file names, 8-bit). */
export async function parseLetter(raw: Buffer): Promise<Letter> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, keepCidLinks: false });
  const from = firstAddress(parsed.from);
  const contentType = headerText(parsed, 'content-type').toLowerCase();
  const rawText = raw.toString('utf8');
  const isReport = contentType.includes('multipart/report') || /report-type=["']?delivery-status/i.test(rawText.slice(0, 4096));
  const text = (parsed.text ?? (parsed.html ? sanitizeHtml(parsed.html, { allowedTags: [], allowedAttributes: {} }) : '')).trim();
  const headEnd = rawText.search(/\r?\n\r?\n/);
  const head = (headEnd >= 0 ? rawText.slice(0, headEnd) : rawText).replace(/\r?\n[ \t]+/g, ' ');
  const noise = noiseOf(head, from.address, isReport);
  return {
    messageId: parsed.messageId ? (messageIds(parsed.messageId)[0] ?? rawMessageId(raw)) : rawMessageId(raw),
    inReplyTo: messageIds(parsed.inReplyTo),
    references: messageIds(parsed.references),
    from: from.address,
    fromName: from.name,
    subject: (parsed.subject ?? '').trim(),
    text,
    shown: trimReply(text),
    html: parsed.html ? sanitizeLetterHtml(parsed.html) : null,
    attachments: parsed.attachments
      .filter((a) => !(isReport && /delivery-status|rfc822/.test(a.contentType)))
      .map((a) => ({ name: a.filename ?? 'attachment', contentType: a.contentType, content: a.content })),
    noise,
    bounce: isReport || noise === 'mailer_daemon' ? bounceOf(rawText, parsed) : null,
  };
}

/**
 * The raw letter at rest: AES-256-GCM under a key derived from SECRET_KEY (HKDF, its own label,
 * so it is not the PII cipher's key), naming its key id (platform/keyring.ts); the previous keys
 * open what a rotation has not re-sealed yet.
 */
export function createRawSeal(secretKeyHex: string, previousHex: readonly string[] = []) {
  const cipher = createPiiCipher(secretKeyHex, previousHex);
  return { seal: (raw: Buffer) => cipher.sealBytes(raw), open: (sealed: Buffer) => cipher.openBytes(sealed) };
}
