import { TICKET_STATUSES } from '../../../common/tickets';
import { MERGED_RESOLUTION, PRIORITIES, RESOLUTION_CODES } from '../../api/console';
import type { ResolutionCode } from '../../api/console';
import type { HistoryEntry } from '../../api/console';
import { isMessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/I18nProvider';

export type HistoryLine = { title: string; detail: string | null; reason: string | null };

type Context = {
  t: Translate;
  /** A department's name by id or code ('' when unknown). */
  departmentName: (idOrCode: string) => string;
  /** A form field's label by key ('' when unknown). */
  fieldLabel: (key: string) => string;
};

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** The translated name of an action code (`ticket.taken` → "Взято в работу"); unknown codes as they are. */
export function actionName(action: string, t: Translate): string {
  const key = `console.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function statusName(value: unknown, t: Translate): string {
  const s = str(value);
  return s && (TICKET_STATUSES as readonly string[]).includes(s)
    ? t(`console.status.${s as (typeof TICKET_STATUSES)[number]}`)
    : (s ?? '');
}

function priorityName(value: unknown, t: Translate): string {
  const p = str(value);
  return p && (PRIORITIES as readonly string[]).includes(p)
    ? t(`console.priority.${p as (typeof PRIORITIES)[number]}`)
    : (p ?? '');
}

/** A resolution code's name ("Дан ответ"); unknown codes as they are. */
export function resolutionName(code: string, t: Translate): string {
  const known: readonly string[] = [...RESOLUTION_CODES, MERGED_RESOLUTION];
  return known.includes(code) ? t(`console.resolution.${code as ResolutionCode}`) : code;
}

const arrow = (from: string, to: string) => (from ? `${from} → ${to}` : `→ ${to}`);

/** One history entry as a line of the timeline: what happened, the details, the reason given. */
export function describeHistory(entry: HistoryEntry, { t, departmentName, fieldLabel }: Context): HistoryLine {
  const d = entry.data;
  const title = actionName(entry.action, t);
  let detail: string | null = null;
  switch (entry.action) {
    case 'ticket.transferred':
    case 'ticket.returned': {
      const to = departmentName(str(d.toCode) ?? str(d.to) ?? '');
      const from = departmentName(str(d.from) ?? '');
      detail = to ? arrow(from, to) : null;
      break;
    }
    case 'ticket.escalated': {
      const from = num(d.from);
      const to = num(d.to);
      detail = to !== null ? arrow(from !== null ? t('console.tier', { n: from }) : '', t('console.tier', { n: to })) : null;
      break;
    }
    case 'ticket.priority_changed':
      detail = arrow(priorityName(d.from, t), priorityName(d.to, t));
      break;
    case 'ticket.status_changed':
    case 'ticket.confirmed':
      detail = arrow(statusName(d.from, t), statusName(d.to, t));
      break;
    case 'ticket.resolved':
      detail = str(d.resolutionCode) ? resolutionName(str(d.resolutionCode) ?? '', t) : null;
      break;
    case 'ticket.assigned':
      detail = str(d.toName);
      break;
    case 'ticket.merged':
      detail = str(d.intoNumber) ? t('console.history.mergedInto', { number: str(d.intoNumber) ?? '' }) : null;
      break;
    case 'customer.identification':
      detail = d.result === 'identified' ? t('console.ident.identified') : t('console.ident.failed');
      break;
    case 'pii.revealed': {
      const key = str(d.field);
      detail = key ? fieldLabel(key) || key : null;
      break;
    }
    default:
      break;
  }
  return { title, detail: detail || null, reason: str(d.reason) };
}
