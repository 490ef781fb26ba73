import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { categories, departments, incomingMail, mailboxes, tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { withTransaction } from '../../platform/outbox';
import { canSee, loadScope } from '../staff';
import { parseTicketNumber } from '../tickets';
import { ROUTE_MIN_CONFIDENCE } from './routing';

const imapInput = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().trim().min(1).max(255),
  /** Omitted on update: the stored password is kept. */
  password: z.string().min(1).max(500).optional(),
  folder: z.string().trim().min(1).max(255).default('INBOX'),
});

const mailboxInput = z.object({
  address: z.string().trim().toLowerCase().email().max(254),
  name: z.string().trim().max(120).default(''),
  departmentId: z.string().uuid().nullable().default(null),
  categoryId: z.string().uuid().nullable().default(null),
  active: z.boolean().default(true),
  imap: imapInput.nullable().default(null),
});

const mailboxView = z.object({
  id: z.string(),
  address: z.string(),
  name: z.string(),
  departmentId: z.string().nullable(),
  categoryId: z.string().nullable(),
  active: z.boolean(),
  imap: z
    .object({
      host: z.string(),
      port: z.number(),
      secure: z.boolean(),
      user: z.string(),
      folder: z.string(),
      passwordSet: z.boolean(),
      lastUid: z.number(),
      lastPolledAt: z.string().nullable(),
      lastError: z.string().nullable(),
    })
    .nullable(),
  /** Letters stored but not processed yet, and those that failed processing. */
  waiting: z.number(),
  failed: z.number(),
});

type Row = typeof mailboxes.$inferSelect;

function present(row: Row, counts: Map<string, { waiting: number; failed: number }>): z.infer<typeof mailboxView> {
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

/**
 * Mailboxes (admin only, audited): address → department and/or category, active flag, IMAP
 * settings with the password sealed and never returned.
 */
export function mailboxAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    const admin = (r: Parameters<typeof requireStaff>[0]) => requireStaff(r, ['admin']);

    async function counts() {
      const rows = await ctx.db
        .select({
          mailboxId: incomingMail.mailboxId,
          waiting: sql<number>`count(*) FILTER (WHERE ${incomingMail.state} = 'received')::int`,
          failed: sql<number>`count(*) FILTER (WHERE ${incomingMail.state} = 'failed')::int`,
        })
        .from(incomingMail)
        .where(sql`${incomingMail.state} IN ('received', 'failed')`)
        .groupBy(incomingMail.mailboxId);
      return new Map(rows.map((r) => [r.mailboxId, { waiting: Number(r.waiting), failed: Number(r.failed) }]));
    }

    async function check(body: { departmentId: string | null; categoryId: string | null }) {
      if (!body.departmentId && !body.categoryId) throw fieldError('departmentId', 'required');
      if (body.departmentId) {
        const [d] = await ctx.db.select({ id: departments.id }).from(departments).where(eq(departments.id, body.departmentId));
        if (!d) throw fieldError('departmentId', 'not_found');
      }
      if (body.categoryId) {
        const [c] = await ctx.db.select({ isLeaf: categories.isLeaf }).from(categories).where(eq(categories.id, body.categoryId));
        if (!c?.isLeaf) throw fieldError('categoryId', 'not_a_leaf');
      }
    }

    function imapColumns(imap: z.infer<typeof imapInput> | null, previous?: Row) {
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

    app.get(
      '/mailboxes',
      { schema: { tags, summary: 'Mailboxes', response: { 200: z.object({ items: z.array(mailboxView) }), ...errorResponses } } },
      async (request) => {
        admin(request);
        const rows = await ctx.db.select().from(mailboxes).orderBy(asc(mailboxes.address));
        const c = await counts();
        return { items: rows.map((r) => present(r, c)) };
      },
    );

    app.post(
      '/mailboxes',
      {
        schema: { tags, summary: 'Add a mailbox', body: mailboxInput, response: { 201: mailboxView, ...errorResponses } },
      },
      async (request, reply) => {
        const staff = admin(request);
        const body = request.body;
        await check(body);
        const meta = requestMeta(request);
        const row = await withTransaction(ctx, async (tx) => {
          const [exists] = await tx
            .select({ id: mailboxes.id })
            .from(mailboxes)
            .where(sql`lower(${mailboxes.address}) = ${body.address}`);
          if (exists) throw new AppError('CONFLICT', { reason: 'mailbox_exists', fields: { address: { code: 'taken' } } });
          const [created] = await tx
            .insert(mailboxes)
            .values({
              address: body.address,
              name: body.name,
              departmentId: body.departmentId,
              categoryId: body.categoryId,
              active: body.active,
              ...imapColumns(body.imap),
            })
            .returning();
          if (!created) throw new AppError('INTERNAL');
          await recordAudit(tx, {
            actor: { kind: 'staff', id: staff.id },
            action: 'mailbox.created',
            entityType: 'mailbox',
            entityId: created.id,
            ip: meta.ip,
            requestId: meta.requestId,
            data: {
              address: body.address,
              departmentId: body.departmentId,
              categoryId: body.categoryId,
              imap: Boolean(body.imap),
            },
          });
          return created;
        });
        return reply.status(201).send(present(row, new Map()));
      },
    );

    app.patch(
      '/mailboxes/:id',
      {
        schema: {
          tags,
          summary: 'Change a mailbox (an omitted IMAP password keeps the stored one)',
          params: z.object({ id: z.string().uuid() }),
          body: mailboxInput,
          response: { 200: mailboxView, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const body = request.body;
        await check(body);
        const meta = requestMeta(request);
        const row = await withTransaction(ctx, async (tx) => {
          const [previous] = await tx.select().from(mailboxes).where(eq(mailboxes.id, request.params.id)).for('update');
          if (!previous) throw new AppError('NOT_FOUND');
          const [clash] = await tx
            .select({ id: mailboxes.id })
            .from(mailboxes)
            .where(sql`lower(${mailboxes.address}) = ${body.address} AND ${mailboxes.id} <> ${previous.id}`);
          if (clash) throw new AppError('CONFLICT', { reason: 'mailbox_exists', fields: { address: { code: 'taken' } } });
          const [updated] = await tx
            .update(mailboxes)
            .set({
              address: body.address,
              name: body.name,
              departmentId: body.departmentId,
              categoryId: body.categoryId,
              active: body.active,
              ...imapColumns(body.imap, previous),
              updatedAt: new Date(),
            })
            .where(eq(mailboxes.id, previous.id))
            .returning();
          if (!updated) throw new AppError('INTERNAL');
          const changed = (['address', 'name', 'departmentId', 'categoryId', 'active'] as const).filter(
            (k) => previous[k] !== updated[k],
          );
          if (
            previous.imapHost !== updated.imapHost ||
            previous.imapUser !== updated.imapUser ||
            previous.imapFolder !== updated.imapFolder
          )
            changed.push('imap' as never);
          if (body.imap?.password) changed.push('imapPassword' as never);
          await recordAudit(tx, {
            actor: { kind: 'staff', id: staff.id },
            action: 'mailbox.updated',
            entityType: 'mailbox',
            entityId: updated.id,
            ip: meta.ip,
            requestId: meta.requestId,
            data: { address: updated.address, changed },
          });
          return updated;
        });
        return present(row, await counts());
      },
    );
  };
}

/** How a request came in by mail, for the console workspace: content routing and other-sender letters. */
export function mailOriginRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tickets/:number/mail-origin',
      {
        schema: {
          tags: ['console'],
          summary: 'How a request came in by e-mail: the mailbox and the content-routing guess',
          params: z.object({ number: z.string().min(1).max(40) }),
          response: {
            200: z.object({
              mailbox: z.string().nullable(),
              routing: z.object({ categoryId: z.string().nullable(), confidence: z.number(), confident: z.boolean() }).nullable(),
              otherSenderLetters: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const scope = await loadScope(ctx.db, requireStaff(request));
        const number = parseTicketNumber(request.params.number);
        const [ticket] = number ? await ctx.db.select().from(tickets).where(eq(tickets.number, number)).limit(1) : [];
        if (!ticket || !canSee(scope, ticket)) throw new AppError('NOT_FOUND');
        const letters = await ctx.db
          .select({
            address: mailboxes.address,
            threadedBy: incomingMail.threadedBy,
            confidence: incomingMail.routeConfidence,
            categoryId: incomingMail.routedCategoryId,
            otherSender: incomingMail.otherSender,
          })
          .from(incomingMail)
          .innerJoin(mailboxes, eq(mailboxes.id, incomingMail.mailboxId))
          .where(eq(incomingMail.ticketId, ticket.id))
          .orderBy(desc(incomingMail.receivedAt));
        const first = letters.find((l) => l.threadedBy === 'new');
        return {
          mailbox: first?.address ?? letters.at(-1)?.address ?? null,
          routing:
            first && first.confidence !== null
              ? {
                  categoryId: first.categoryId,
                  confidence: first.confidence,
                  confident: first.confidence >= ROUTE_MIN_CONFIDENCE,
                }
              : null,
          otherSenderLetters: letters.filter((l) => l.otherSender).length,
        };
      },
    );
  };
}
