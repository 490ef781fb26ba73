import type { AppContext, RequestMeta } from '../../context';
import { AppError } from '../../errors';
import type { AuthUser } from '../../platform/auth/sessions';
import { recordAudit } from '../../platform/audit';
import { withTransaction } from '../../platform/outbox';
import { loadScope } from '../staff';
import { authorize, parseTicketNumber } from '../tickets';
import * as repo from './mailboxes.repo';
import type { MailboxRow } from './mailboxes.repo';
import type { MailboxInput, MailboxView } from './mailboxes.schema';
import { ROUTE_MIN_CONFIDENCE } from './routing';

/**
 * Mailboxes (admin only, audited): address → department and/or category, active flag, IMAP
 * settings with the password sealed and never returned. And how a request came in by mail.
 */

export function presentMailbox(row: MailboxRow, counts: Map<string, { waiting: number; failed: number }>): MailboxView {
  return {
    id: row.id,
    address: row.address,
    name: row.name,
    departmentId: row.departmentId,
    categoryId: row.categoryId,
    active: row.active,
    imap: row.imapHost
      ? {
          host: row.imapHost,
          port: row.imapPort ?? (row.imapSecure ? 993 : 143),
          secure: row.imapSecure,
          user: row.imapUser ?? '',
          folder: row.imapFolder,
          passwordSet: Boolean(row.imapPasswordSealed),
          lastUid: row.imapLastUid,
          lastPolledAt: row.imapLastPolledAt?.toISOString() ?? null,
          lastError: row.imapLastError,
        }
      : null,
    waiting: counts.get(row.id)?.waiting ?? 0,
    failed: counts.get(row.id)?.failed ?? 0,
  };
}

function fieldError(field: string, code: string): AppError {
  return new AppError('VALIDATION_FAILED', { fields: { [field]: { code } } });
}

const taken = () => new AppError('CONFLICT', { reason: 'mailbox_exists', fields: { address: { code: 'taken' } } });

async function checkTarget(ctx: AppContext, body: { departmentId: string | null; categoryId: string | null }) {
  if (!body.departmentId && !body.categoryId) throw fieldError('departmentId', 'required');
  if (body.departmentId && !(await repo.departmentExists(ctx.db, body.departmentId)))
    throw fieldError('departmentId', 'not_found');
  if (body.categoryId && !(await repo.categoryIsLeaf(ctx.db, body.categoryId))) throw fieldError('categoryId', 'not_a_leaf');
}

function imapColumns(ctx: AppContext, imap: MailboxInput['imap'], previous?: MailboxRow) {
  if (!imap)
    return {
      imapHost: null,
      imapPort: null,
      imapUser: null,
      imapPasswordSealed: null,
      imapFolder: 'INBOX',
      imapSecure: true,
    };
  if (!imap.password && !previous?.imapPasswordSealed) throw fieldError('imap.password', 'required');
  const sameFolder =
    previous && previous.imapHost === imap.host && previous.imapUser === imap.user && previous.imapFolder === imap.folder;
  return {
    imapHost: imap.host,
    imapPort: imap.port,
    imapSecure: imap.secure,
    imapUser: imap.user,
    imapFolder: imap.folder,
    imapPasswordSealed: imap.password ? ctx.cipher.encrypt(imap.password) : (previous?.imapPasswordSealed ?? null),
    // Another server or folder: its UIDs mean nothing here; start over (Message-IDs dedupe).
    ...(sameFolder ? {} : { imapUidValidity: null, imapLastUid: 0 }),
  };
}

export async function listMailboxes(ctx: AppContext): Promise<MailboxView[]> {
  const rows = await repo.listMailboxes(ctx.db);
  const counts = await repo.letterCounts(ctx.db);
  return rows.map((r) => presentMailbox(r, counts));
}

export async function createMailbox(ctx: AppContext, actor: { id: string }, meta: RequestMeta, body: MailboxInput) {
  await checkTarget(ctx, body);
  const row = await withTransaction(ctx, async (tx) => {
    if (await repo.addressTaken(tx, body.address)) throw taken();
    const created = await repo.insertMailbox(tx, {
      address: body.address,
      name: body.name,
      departmentId: body.departmentId,
      categoryId: body.categoryId,
      active: body.active,
      ...imapColumns(ctx, body.imap),
    });
    if (!created) throw new AppError('INTERNAL');
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'mailbox.created',
      entityType: 'mailbox',
      entityId: created.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { address: body.address, departmentId: body.departmentId, categoryId: body.categoryId, imap: Boolean(body.imap) },
    });
    return created;
  });
  return presentMailbox(row, new Map());
}

export async function changeMailbox(ctx: AppContext, actor: { id: string }, meta: RequestMeta, id: string, body: MailboxInput) {
  await checkTarget(ctx, body);
  const row = await withTransaction(ctx, async (tx) => {
    const previous = await repo.lockMailbox(tx, id);
    if (!previous) throw new AppError('NOT_FOUND');
    if (await repo.addressTaken(tx, body.address, previous.id)) throw taken();
    const updated = await repo.updateMailbox(tx, previous.id, {
      address: body.address,
      name: body.name,
      departmentId: body.departmentId,
      categoryId: body.categoryId,
      active: body.active,
      ...imapColumns(ctx, body.imap, previous),
      updatedAt: new Date(),
    });
    if (!updated) throw new AppError('INTERNAL');
    const changed: string[] = (['address', 'name', 'departmentId', 'categoryId', 'active'] as const).filter(
      (k) => previous[k] !== updated[k],
    );
    if (
      previous.imapHost !== updated.imapHost ||
      previous.imapUser !== updated.imapUser ||
      previous.imapFolder !== updated.imapFolder
    )
      changed.push('imap');
    if (body.imap?.password) changed.push('imapPassword');
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'mailbox.updated',
      entityType: 'mailbox',
      entityId: updated.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { address: updated.address, changed },
    });
    return updated;
  });
  return presentMailbox(row, await repo.letterCounts(ctx.db));
}

/** How a request came in by e-mail, for a staff member who may see it: the mailbox, the routing guess, other senders. */
export async function mailOrigin(ctx: AppContext, user: Extract<AuthUser, { kind: 'staff' }>, ticketNumber: string) {
  const scope = await loadScope(ctx.db, user);
  const number = parseTicketNumber(ticketNumber);
  const ticket = number ? await repo.ticketByNumber(ctx.db, number) : undefined;
  if (!ticket) throw new AppError('NOT_FOUND');
  // The request domain's rule book: 404 for a request this person may not see.
  authorize({ kind: 'staff', scope }, 'view', ticket);
  const letters = await repo.lettersOfTicket(ctx.db, ticket.id);
  const first = letters.find((l) => l.threadedBy === 'new');
  return {
    mailbox: first?.address ?? letters.at(-1)?.address ?? null,
    routing:
      first && first.confidence !== null
        ? { categoryId: first.categoryId, confidence: first.confidence, confident: first.confidence >= ROUTE_MIN_CONFIDENCE }
        : null,
    otherSenderLetters: letters.filter((l) => l.otherSender).length,
  };
}
