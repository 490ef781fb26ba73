import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { localize } from '../../../common/forms/messages';
import type { FieldDef, FormDef, FormValue, L10n } from '../../../common/forms/types';
import type { Executor } from '../../db/connection';
import { attachments, categories, customers, forms, staffUsers, ticketMessages, type tickets } from '../../db/schema';
import { customerActions } from './tickets.policy';
import type { TicketResponse } from './tickets.schema';

type Ticket = typeof tickets.$inferSelect;

const YES_NO: Record<Locale, [string, string]> = { ru: ['Да', 'Нет'], uk: ['Так', 'Ні'], en: ['Yes', 'No'] };

/** A submitted value as a line of text in the reader's language. */
export function displayValue(field: FieldDef, value: FormValue | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (Array.isArray(value)) return value.map((f) => f.name).join(', ');
  if (typeof value === 'object') return `${value.amount} ${value.currency}`;
  if (field.type === 'select') {
    const option = field.options.find((o) => o.value === value);
    return option ? localize(option.label, locale) : value;
  }
  return value;
}

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

/** The whole public side of a request: fields, thread without internal notes, files, what the viewer may do. */
export async function presentTicket(db: Executor, ticket: Ticket, locale: Locale): Promise<TicketResponse> {
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
  const publicIds = new Set(messages.map((m) => m.id));
  const visibleFiles = files.filter((f) => !f.messageId || publicIds.has(f.messageId));
  const staffIds = [...new Set(messages.filter((m) => m.authorKind === 'staff' && m.authorId).map((m) => m.authorId as string))];
  const staff = staffIds.length
    ? await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, staffIds))
    : [];
  const [owner] = ticket.customerId
    ? await db.select({ name: customers.name }).from(customers).where(eq(customers.id, ticket.customerId)).limit(1)
    : [];
  const staffName = new Map(staff.map((s) => [s.id, s.name.split(' ')[0] ?? s.name]));
  const fileDto = (f: (typeof files)[number]) => ({
    id: f.id,
    name: f.name,
    size: f.size,
    type: f.contentType,
    fieldKey: f.fieldKey,
  });
  const definition = (form?.definition ?? { fields: [] }) as FormDef;
  const leaf = path.at(-1);
  return {
    // The request's room on /ws is ticket:<id>: the portal page follows it live.
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    channel: ticket.channel,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    expectedBy: ticket.resolutionDueAt?.toISOString() ?? null,
    replyChannel: ticket.replyChannel,
    category: { id: ticket.categoryId, name: leaf?.name ?? { ru: '', uk: '', en: '' }, path },
    fields: definition.fields
      .filter((f) => ticket.fields[f.key] !== undefined)
      .map((f) => ({ key: f.key, label: f.label, type: f.type, value: displayValue(f, ticket.fields[f.key], locale) })),
    messages: messages.map((m) => ({
      id: m.id,
      author: {
        kind: m.authorKind === 'guest' ? 'customer' : m.authorKind,
        name:
          m.authorKind === 'staff'
            ? (staffName.get(m.authorId ?? '') ?? '')
            : m.authorKind === 'system'
              ? 'paydesk'
              : owner?.name || ticket.requesterName,
      },
      body: m.body,
      createdAt: m.createdAt.toISOString(),
      attachments: visibleFiles.filter((f) => f.messageId === m.id).map(fileDto),
    })),
    attachments: visibleFiles.map(fileDto),
    can: customerActions(ticket.status),
  };
}
