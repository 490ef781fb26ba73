import type { Locale } from '../../../common/errors';
import { localize } from '../../../common/forms/messages';
import type { FieldDef, FormDef, FormValue } from '../../../common/forms/types';
import type { tickets } from '../../db/schema';
import { ticketsText } from './tickets.messages';
import { customerActions } from './tickets.policy';
import type { TicketView } from './tickets.queries';
import type { TicketResponse } from './tickets.schema';

type Ticket = typeof tickets.$inferSelect;

/** A submitted value as a line of text in the reader's language. */
export function displayValue(field: FieldDef, value: FormValue | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return ticketsText(locale, value ? 'tickets.yes' : 'tickets.no');
  if (Array.isArray(value)) return value.map((f) => f.name).join(', ');
  if (typeof value === 'object') return `${value.amount} ${value.currency}`;
  if (field.type === 'select') {
    const option = field.options.find((o) => o.value === value);
    return option ? localize(option.label, locale) : value;
  }
  return value;
}

/**
 * The whole public side of a request: fields, thread without internal notes, files, what the
 * viewer may do. Pure: what it shows is read by `loadTicketView` (tickets.queries.ts).
 */
export function presentTicket(ticket: Ticket, view: TicketView, locale: Locale): TicketResponse {
  const { form, path, messages, files, staff, owner } = view;
  const publicIds = new Set(messages.map((m) => m.id));
  const visibleFiles = files.filter((f) => !f.messageId || publicIds.has(f.messageId));
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
