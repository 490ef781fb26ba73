import { and, asc, eq, inArray } from 'drizzle-orm';
import type { L10n } from '../../../common/forms/types';
import type { Executor } from '../../db/connection';
import { attachments, categories, customers, forms, staffUsers, ticketMessages, type tickets } from '../../db/schema';

/**
 * The request domain's read queries for the customer side: what a request's page shows (its
 * form, category path, public thread, files, authors) and category names for lists. The
 * presenter (tickets.presenter.ts) only shapes what these read.
 */

type Ticket = typeof tickets.$inferSelect;

/** The root → leaf path of a category. */
export async function categoryPath(db: Executor, categoryId: string): Promise<Array<{ id: string; name: L10n }>> {
  const path: Array<{ id: string; name: L10n }> = [];
  let id: string | null = categoryId;
  // Depth is small (a handful of levels); a loop keeps the SQL the same on both engines.
  while (id && path.length < 20) {
    const [row]: Array<{ id: string; name: L10n; parentId: string | null }> = await db
      .select({ id: categories.id, name: categories.name, parentId: categories.parentId })
      .from(categories)
      .where(eq(categories.id, id))
      .limit(1);
    if (!row) break;
    path.unshift({ id: row.id, name: row.name });
    id = row.parentId;
  }
  return path;
}

/** What the customer's page of a request shows, read in one place for the pure presenter. */
export async function loadTicketView(db: Executor, ticket: Ticket) {
  const [form] = await db.select({ definition: forms.definition }).from(forms).where(eq(forms.id, ticket.formId)).limit(1);
  const path = await categoryPath(db, ticket.categoryId);
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.internal, false)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const files = await db
    .select()
    .from(attachments)
    .where(eq(attachments.ticketId, ticket.id))
    .orderBy(asc(attachments.createdAt));
  const staffIds = [...new Set(messages.filter((m) => m.authorKind === 'staff' && m.authorId).map((m) => m.authorId as string))];
  const staff = staffIds.length
    ? await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, staffIds))
    : [];
  const [owner] = ticket.customerId
    ? await db.select({ name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId)).limit(1)
    : [];
  return { form, path, messages, files, staff, owner };
}

export type TicketView = Awaited<ReturnType<typeof loadTicketView>>;

/** Category names by id (the customer's list of requests). */
export async function categoryNames(db: Executor, ids: string[]): Promise<Map<string, L10n>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .where(inArray(categories.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
