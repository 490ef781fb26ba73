import { TICKET_STATUSES } from '../../../common/tickets';
import { PRIORITIES } from '../../api/console';
import type { AuditEntry } from '../../api/console';
import { isMessageKey } from '../../i18n/catalogues';
import type { MessageKey } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/I18nProvider';
import { actionName, resolutionName } from '../workspace/history';

type Context = {
  t: Translate;
  /** A department's name by id or code ('' when unknown). */
  departmentName: (idOrCode: string) => string;
};

type Values = Record<string, string | number>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The row's data as ICU values: strings and numbers as they are, booleans as 'true'/'false', lists joined (and counted). */
function plainValues(data: Record<string, unknown>): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
    else if (typeof value === 'boolean') out[key] = String(value);
    else if (Array.isArray(value)) {
      out[key] = value.filter((v) => typeof v === 'string' || typeof v === 'number').join(', ');
      out[`${key}Count`] = value.length;
    }
  }
  return out;
}

/** Codes in the data turned into the reader's words (statuses, priorities, departments, resolutions). */
function readableValues(entry: AuditEntry, { t, departmentName }: Context): Values {
  const d = entry.data;
  const status = (v: unknown) =>
    (TICKET_STATUSES as readonly string[]).includes(str(v))
      ? t(`console.status.${str(v) as (typeof TICKET_STATUSES)[number]}`)
      : str(v);
  const priority = (v: unknown) =>
    (PRIORITIES as readonly string[]).includes(str(v)) ? t(`console.priority.${str(v) as (typeof PRIORITIES)[number]}`) : str(v);
  switch (entry.action) {
    case 'ticket.status_changed':
    case 'ticket.confirmed':
      return { from: status(d.from), to: status(d.to) };
    case 'ticket.priority_changed':
      return { from: priority(d.from), to: priority(d.to) };
    case 'ticket.transferred':
    case 'ticket.returned':
      return { to: departmentName(str(d.toCode) || str(d.to)) || str(d.toCode) };
    case 'ticket.resolved':
      return { resolution: str(d.resolutionCode) ? resolutionName(str(d.resolutionCode), t) : '' };
    default:
      return {};
  }
}

// A value the row does not have reads as a dash, never as a raw `{name}` (older rows, optional data).
const withDash = (values: Values): Values =>
  new Proxy(values, { has: () => true, get: (target, key: string) => target[key] ?? '—' });

/** The catalogue key of an action's sentence, or null when it has none. */
export function sentenceKey(action: string): MessageKey | null {
  const key = `audit.says.${action}`;
  return isMessageKey(key) ? key : null;
}

/**
 * One audit row's details as a sentence in the reader's language («Приоритет изменён:
 * «Обычный» → «Высокий».»). An action without a sentence gets a generic readable line with
 * its name and object — never the raw data.
 */
export function auditSentence(entry: AuditEntry, context: Context): string {
  const key = sentenceKey(entry.action);
  if (!key) return context.t('audit.says.generic', { action: actionName(entry.action, context.t), entity: entry.entityType });
  return context.t(key, withDash({ ...plainValues(entry.data), ...readableValues(entry, context) }));
}
