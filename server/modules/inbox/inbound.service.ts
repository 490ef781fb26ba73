import { Readable } from 'node:stream';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { FILE_TYPES, type FormDef } from '../../../common/forms/types';
import type { AppContext } from '../../context';
import type { Executor, Tx } from '../../db/connection';
import {
  categories,
  customers,
  departments,
  forms,
  incomingMail,
  mailboxes,
  outgoingMail,
  slaPolicies,
  tickets,
} from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { cleanFileName, storedFileName } from '../../platform/files/names';
import type { StoredFile } from '../../platform/files/storage';
import { emit } from '../../platform/outbox';
import { addSealedDocuments, appendMessage, openRequest, withSealedDocuments } from '../tickets/commands';
import { parseTicketNumber } from '../tickets';
import { createRawSeal, parseLetter, rawMessageId, type Letter } from './letter';
import { maskDocument, redactPassports, type PassportMatch } from './passports';
import { guessCategory, ROUTE_MIN_CONFIDENCE } from './routing';
import { FIRST_LINE } from '../../../common/tickets';

type Ticket = typeof tickets.$inferSelect;
type Mailbox = typeof mailboxes.$inferSelect;

/** The catalogue leaf of letters whose category is not known (inactive: never offered on the portal). */
export const UNSORTED_SLUG = 'email-unsorted';

/**
 * Stores a raw letter for a mailbox in the caller's transaction (state `received`) and announces
 * it, so the `mail.incoming` job processes it after commit. The same Message-ID for the same
 * mailbox stores nothing: returns null.
 */
export async function insertIncoming(
  tx: Executor,
  seal: ReturnType<typeof createRawSeal>,
  input: { mailboxId: string; raw: Buffer; source: 'smtp' | 'imap'; imapUid?: number },
): Promise<string | null> {
  const [row] = await tx
    .insert(incomingMail)
    .values({
      mailboxId: input.mailboxId,
      source: input.source,
      messageId: rawMessageId(input.raw),
      rawSealed: seal.seal(input.raw),
      size: input.raw.length,
      imapUid: input.imapUid ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: incomingMail.id });
  if (!row) return null;
  await emit(tx, { type: 'mail.received', aggregateType: 'incoming_mail', aggregateId: row.id });
  return row.id;
}

/** Stores a letter in its own transaction; the worker is asked at once when this process runs jobs. */
export async function storeIncoming(
  ctx: AppContext,
  input: { mailboxId: string; raw: Buffer; source: 'smtp' | 'imap' },
): Promise<string | null> {
  const seal = createRawSeal(ctx.config.SECRET_KEY, ctx.config.SECRET_KEY_PREVIOUS);
  const id = await ctx.db.transaction((tx) => insertIncoming(tx, seal, input));
  // A mail-only process has no job queue: its events wait for a worker's outbox sweep.
  if (id && ctx.jobs) ctx.outbox.kick();
  return id;
}

/** Active mailboxes by address (lower case). */
export async function activeMailbox(db: Executor, address: string): Promise<Mailbox | null> {
  const [row] = await db
    .select()
    .from(mailboxes)
    .where(and(sql`lower(${mailboxes.address}) = ${address.toLowerCase()}`, eq(mailboxes.active, true)))
    .limit(1);
  return row ?? null;
}

export type ProcessOutcome =
  | { state: 'processed'; ticketId: string; number: string; created: boolean; threadedBy: string; otherSender: boolean }
  | { state: 'ignored' | 'bounce'; reason: string }
  | { state: 'skipped' };

/**
 * Processes one stored letter: noise and bounces are set aside; anything else becomes a customer
 * message on its request (threaded by headers, then by the `[#NUMBER]` token) or a new request.
 * Safe to run twice: a letter no longer `received` is left alone, and everything is written in
 * one transaction that also moves it to `processed`.
 */
export async function processIncoming(ctx: AppContext, incomingId: string): Promise<ProcessOutcome> {
  const [row] = await ctx.db.select().from(incomingMail).where(eq(incomingMail.id, incomingId)).limit(1);
  if (!row || row.state !== 'received') return { state: 'skipped' };
  const [mailbox] = await ctx.db.select().from(mailboxes).where(eq(mailboxes.id, row.mailboxId)).limit(1);
  if (!mailbox) return { state: 'skipped' };
  const raw = createRawSeal(ctx.config.SECRET_KEY, ctx.config.SECRET_KEY_PREVIOUS).open(row.rawSealed);
  const letter = await parseLetter(raw);

  if (letter.noise || !letter.from) return setAside(ctx, row.id, letter);

  const subject = redactPassports(letter.subject);
  const full = redactPassports(letter.text);
  const shown = redactPassports(letter.shown);
  const html = letter.html ? redactPassports(letter.html).text : null;
  const found = uniquePassports([...subject.found, ...full.found, ...shown.found]);

  const thread = await findThread(ctx.db, letter, row.id);
  const stored = await storeAttachments(ctx, letter);
  const customer = await customerByEmail(ctx.db, letter.from);
  const locale = guessLocale(`${letter.subject} ${letter.text}`, ctx.config.DEFAULT_LOCALE);
  const ownDepartment = mailbox.departmentId && !(await isFirstLine(ctx.db, mailbox.departmentId)) ? mailbox.departmentId : null;
  const route =
    thread || mailbox.categoryId
      ? null
      : await guessCategory(ctx.db, { subject: subject.text, text: shown.text, locale, departmentId: ownDepartment });

  try {
    return await ctx.db.transaction(async (tx) => {
      const [locked] = await tx.select().from(incomingMail).where(eq(incomingMail.id, row.id)).for('update').limit(1);
      if (!locked || locked.state !== 'received') throw new AlreadyDone();
      const refusedNote = stored.refused
        .map(
          (r) =>
            `\n[Вложение «${r.name}» не принято: ${r.reason === 'size' ? 'слишком большой файл' : 'тип файла не поддерживается'}]`,
        )
        .join('');
      const body = `${shown.text || subject.text || '(без текста)'}${refusedNote}`;
      const sealed = sealAll(ctx, found);
      const input = { letter, body, sealed, files: stored.files, customer, locale, subject: subject.text };
      const result = thread
        ? await appendToThread(tx, ctx, thread, input)
        : await createFromLetter(tx, ctx, mailbox, route, input);
      await tx
        .update(incomingMail)
        .set({
          state: 'processed',
          fromAddress: letter.from,
          subject: subject.text,
          textBody: full.text,
          htmlSanitized: html,
          ticketId: result.ticket.id,
          ticketMessageId: result.messageId,
          threadedBy: thread?.by ?? 'new',
          otherSender: result.otherSender,
          routedCategoryId: route && route.confidence >= ROUTE_MIN_CONFIDENCE ? route.categoryId : null,
          routeConfidence: route?.confidence ?? null,
          refusedFiles: stored.refused,
          attempts: locked.attempts + 1,
          lastError: null,
          processedAt: new Date(),
        })
        .where(eq(incomingMail.id, row.id));
      return {
        state: 'processed' as const,
        ticketId: result.ticket.id,
        number: result.ticket.number,
        created: !thread,
        threadedBy: thread?.by ?? 'new',
        otherSender: result.otherSender,
      };
    });
  } catch (err) {
    await Promise.all(stored.files.map((f) => ctx.storage.remove(f.stored.key).catch(() => undefined)));
    if (err instanceof AlreadyDone) return { state: 'skipped' };
    await ctx.db
      .update(incomingMail)
      .set({ attempts: sql`${incomingMail.attempts} + 1`, lastError: err instanceof Error ? err.message.slice(0, 300) : 'error' })
      .where(eq(incomingMail.id, row.id));
    throw err;
  }
}

class AlreadyDone extends Error {}

/** Auto-replies, lists and bulk are ignored; a bounce marks our outgoing message failed. */
async function setAside(ctx: AppContext, id: string, letter: Letter): Promise<ProcessOutcome> {
  const reason = letter.noise ?? 'no_sender';
  return ctx.db.transaction(async (tx) => {
    let state: 'ignored' | 'bounce' = 'ignored';
    if (letter.bounce?.originalMessageId) {
      const failed = await tx
        .update(outgoingMail)
        .set({ status: 'failed', lastError: `bounce: ${letter.bounce.diagnostic}`.slice(0, 500) })
        .where(sql`lower(${outgoingMail.messageId}) = ${letter.bounce.originalMessageId}`)
        .returning({ id: outgoingMail.id, ticketId: outgoingMail.ticketId });
      for (const f of failed) {
        state = 'bounce';
        await recordAudit(tx, {
          actor: { kind: 'system' },
          action: 'mail.bounced',
          entityType: 'outgoing_mail',
          entityId: f.id,
          data: { ticketId: f.ticketId, incomingId: id },
        });
      }
    }
    await tx
      .update(incomingMail)
      .set({ state, reason, fromAddress: letter.from, subject: redactPassports(letter.subject).text, processedAt: new Date() })
      .where(and(eq(incomingMail.id, id), eq(incomingMail.state, 'received')));
    return { state, reason };
  });
}

type Thread = { ticket: Ticket; by: 'in_reply_to' | 'references' | 'subject_token' };

/** The request a letter answers: our Message-IDs (sent and received) first, then `[#NUMBER]` in the subject. */
export async function findThread(
  db: Executor,
  letter: Pick<Letter, 'inReplyTo' | 'references' | 'subject'>,
  selfId?: string,
): Promise<Thread | null> {
  const ids = [...new Set([...letter.inReplyTo, ...letter.references])];
  if (ids.length > 0) {
    const sent = await db
      .select({ messageId: outgoingMail.messageId, ticketId: outgoingMail.ticketId })
      .from(outgoingMail)
      .where(inArray(sql`lower(${outgoingMail.messageId})`, ids));
    const received = await db
      .select({ messageId: incomingMail.messageId, ticketId: incomingMail.ticketId, id: incomingMail.id })
      .from(incomingMail)
      .where(inArray(incomingMail.messageId, ids));
    const known = new Map<string, string>();
    for (const r of [...sent, ...received.filter((r) => r.id !== selfId)])
      if (r.ticketId) known.set(r.messageId.toLowerCase(), r.ticketId);
    // The most recent reference first (In-Reply-To, then References from the end).
    const order: Array<[string, Thread['by']]> = [
      ...letter.inReplyTo.map((id) => [id, 'in_reply_to'] as [string, Thread['by']]),
      ...[...letter.references].reverse().map((id) => [id, 'references'] as [string, Thread['by']]),
    ];
    for (const [id, by] of order) {
      const ticketId = known.get(id);
      const ticket = ticketId ? await liveTicket(db, eq(tickets.id, ticketId)) : null;
      if (ticket) return { ticket, by };
    }
  }
  const token = /\[#\s*(PD-?\s*\d{6,15})\s*\]/i.exec(letter.subject)?.[1];
  const number = token ? parseTicketNumber(token) : null;
  const ticket = number ? await liveTicket(db, eq(tickets.number, number)) : null;
  return ticket ? { ticket, by: 'subject_token' } : null;
}

/** A request a letter may join: a merged one leads to where it was merged; an expired one to none. */
async function liveTicket(db: Executor, where: ReturnType<typeof eq>): Promise<Ticket | null> {
  let [t] = await db.select().from(tickets).where(where).limit(1);
  for (let hops = 0; t?.mergedIntoId && hops < 5; hops++) {
    [t] = await db.select().from(tickets).where(eq(tickets.id, t.mergedIntoId)).limit(1);
  }
  return t && t.status !== 'expired' ? t : null;
}

type Stored = { name: string; stored: StoredFile };

/** Attachments into file storage, typed by content and size-capped like uploads; refused ones are noted. */
async function storeAttachments(ctx: AppContext, letter: Letter) {
  const files: Stored[] = [];
  const refused: Array<{ name: string; reason: 'type' | 'size' }> = [];
  const maxBytes = ctx.config.UPLOAD_MAX_MB * 1024 * 1024;
  for (const a of letter.attachments.slice(0, 10)) {
    try {
      const stored = await ctx.storage.put(Readable.from([a.content]), { maxBytes, accept: FILE_TYPES });
      files.push({ name: storedFileName(a.name, stored.contentType), stored });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused.push({ name: cleanFileName(a.name).slice(0, 200), reason: err.code === 'PAYLOAD_TOO_LARGE' ? 'size' : 'type' });
    }
  }
  for (const a of letter.attachments.slice(10)) refused.push({ name: cleanFileName(a.name).slice(0, 200), reason: 'type' });
  return { files, refused };
}

async function customerByEmail(db: Executor, email: string) {
  const [c] = await db
    .select()
    .from(customers)
    .where(and(sql`lower(${customers.email}) = ${email}`, eq(customers.active, true)))
    .limit(1);
  return c ?? null;
}

/** Ukrainian letters → uk, other Cyrillic → ru, Latin only → en. */
export function guessLocale(text: string, fallback: Locale): Locale {
  if (/[іїєґІЇЄҐ]/u.test(text)) return 'uk';
  if (/[а-яё]/iu.test(text)) return 'ru';
  if (/[a-z]{3,}/i.test(text)) return 'en';
  return fallback;
}

function uniquePassports(found: PassportMatch[]): PassportMatch[] {
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = f.value.replace(/\D/g, '') + f.kind;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sealAll(ctx: AppContext, found: PassportMatch[]) {
  return found.map((f) => ({ kind: f.kind, sealed: ctx.cipher.encrypt(f.value), mask: maskDocument(f.value) }));
}

type LetterInput = {
  letter: Letter;
  body: string;
  subject: string;
  sealed: ReturnType<typeof sealAll>;
  files: Stored[];
  customer: Awaited<ReturnType<typeof customerByEmail>>;
  locale: Locale;
};

/**
 * A letter on an existing request: a customer message (channel email), the request back in work
 * per the status machine, and the events the portal reply emits. A letter from an address other
 * than the request's contact joins the thread too (people write from work and home) but is marked,
 * and an internal note tells the operator.
 */
async function appendToThread(tx: Tx, ctx: AppContext, thread: Thread, input: LetterInput) {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, thread.ticket.id)).for('update').limit(1);
  if (!ticket) throw new AppError('NOT_FOUND');
  const contact = ticket.customerId
    ? (await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, ticket.customerId)).limit(1))[0]?.email
    : ticket.guestEmail;
  const otherSender = (contact ?? '').toLowerCase() !== input.letter.from;
  const isOwner = !otherSender && Boolean(ticket.customerId);
  await addSealedDocuments(tx, ticket, input.sealed);
  const { messageId } = await appendMessage(tx, ctx, {
    ticket,
    author: isOwner && ticket.customerId ? { kind: 'customer', id: ticket.customerId } : { kind: 'guest' },
    visibility: 'public',
    body: input.body,
    files: input.files,
    source: 'email',
    links: { channel: 'email', threadedBy: thread.by, otherSender, sealedDocuments: input.sealed.length },
  });
  if (otherSender) {
    await appendMessage(tx, ctx, {
      ticket,
      author: { kind: 'system' },
      visibility: 'internal',
      body: `Письмо пришло с адреса ${input.letter.from}, а не с адреса обращения${contact ? ` (${contact})` : ''}. Проверьте, что пишет сам клиент, прежде чем раскрывать данные.`,
      source: 'email',
    });
  }
  return { ticket, messageId, otherSender };
}

/**
 * A new request from a letter. The sender is matched to a customer by e-mail; an unknown address
 * files as a guest with the address as the contact, and enters the queue at once: a letter from the
 * address is itself the proof the portal's confirmation link asks for.
 */
async function createFromLetter(
  tx: Tx,
  ctx: AppContext,
  mailbox: Mailbox,
  route: Awaited<ReturnType<typeof guessCategory>>,
  input: LetterInput,
) {
  const confident = route && route.confidence >= ROUTE_MIN_CONFIDENCE ? route : null;
  const categoryId = mailbox.categoryId ?? confident?.categoryId ?? (await ensureUnsortedCategory(tx));
  const [category] = await tx.select().from(categories).where(eq(categories.id, categoryId)).limit(1);
  if (!category?.currentFormId) throw new AppError('INTERNAL');
  // The mailbox's category fixes both; otherwise a confident guess names the department, unless the
  // mailbox belongs to a department of its own (its guesses are limited to that department anyway).
  const departmentId = mailbox.categoryId
    ? (mailbox.departmentId ?? category.departmentId)
    : mailbox.departmentId && !(await isFirstLine(tx, mailbox.departmentId))
      ? mailbox.departmentId
      : (confident?.departmentId ?? mailbox.departmentId ?? (await departmentByCode(tx, FIRST_LINE)));
  const customer = input.customer;
  const identity = withSealedDocuments({ fields: { description: input.body }, sealedFields: {} }, input.sealed);
  const result = await openRequest(
    ctx,
    {
      channel: 'email',
      categoryId: category.id,
      departmentId,
      // A letter from the address is itself the proof the portal's confirmation link asks for.
      requester: customer ? { kind: 'customer', customer } : { kind: 'guest', email: input.letter.from, confirmed: true },
      requesterName: (input.letter.fromName || customer?.name || '').slice(0, 200),
      subject: (input.subject || input.body.split('\n')[0] || '').slice(0, 200),
      locale: (customer?.locale as Locale | undefined) ?? input.locale,
      replyChannel: customer?.replyChannel ?? 'email',
      fields: identity.fields,
      sealedFields: identity.sealedFields,
      body: input.body,
      files: input.files,
      contact: input.letter.from,
      links: { mailboxId: mailbox.id, routeConfidence: route?.confidence ?? null, sealedDocuments: input.sealed.length },
    },
    tx,
  );
  if (result.kind !== 'opened') throw new AppError('INTERNAL');
  const { opened } = result;
  return { ticket: { id: opened.id, number: opened.number }, messageId: opened.messageId, otherSender: false };
}

async function isFirstLine(db: Executor, departmentId: string): Promise<boolean> {
  const [d] = await db.select({ code: departments.code }).from(departments).where(eq(departments.id, departmentId)).limit(1);
  return d?.code === FIRST_LINE;
}

async function departmentByCode(tx: Executor, code: string): Promise<string | null> {
  const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).limit(1);
  return d?.id ?? null;
}

/** The leaf for letters of unknown category (created on first use; inactive so the portal never offers it). */
export async function ensureUnsortedCategory(tx: Executor): Promise<string> {
  const [existing] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, UNSORTED_SLUG)).limit(1);
  if (existing) return existing.id;
  const [standard] = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.code, 'standard')).limit(1);
  const [cat] = await tx
    .insert(categories)
    .values({
      slug: UNSORTED_SLUG,
      name: { ru: 'Письмо без категории', uk: 'Лист без категорії', en: 'Uncategorised e-mail' },
      hint: {
        ru: 'Письма, тему которых не удалось определить: первая линия выбирает категорию.',
        uk: 'Листи, тему яких не вдалося визначити: перша лінія обирає категорію.',
        en: 'Letters whose topic could not be recognised: the first line picks the category.',
      },
      audience: 'customer',
      active: false,
      isLeaf: true,
      departmentId: await departmentByCode(tx, FIRST_LINE),
      priority: 'normal',
      slaPolicyId: standard?.id ?? null,
      position: 9999,
    })
    .onConflictDoNothing()
    .returning({ id: categories.id });
  if (!cat) return ensureUnsortedCategory(tx);
  const definition: FormDef = {
    fields: [
      {
        key: 'description',
        type: 'textarea',
        required: true,
        maxLength: 20000,
        label: { ru: 'Текст письма', uk: 'Текст листа', en: 'Letter' },
      } as FormDef['fields'][number],
    ],
  };
  const [form] = await tx.insert(forms).values({ categoryId: cat.id, version: 1, definition }).returning({ id: forms.id });
  await tx
    .update(categories)
    .set({ currentFormId: form?.id ?? null })
    .where(eq(categories.id, cat.id));
  return cat.id;
}
