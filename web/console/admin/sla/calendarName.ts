import { isMessageKey } from '../../../i18n/catalogues';
import type { Translate } from '../../../i18n/I18nProvider';
import type { SlaCalendarRow } from '../api';

/**
 * A calendar's name for people: the name an admin gave it, else the catalogue's name of a
 * built-in calendar («Круглосуточно» for around_the_clock), else its code.
 */
export function calendarName(calendar: Pick<SlaCalendarRow, 'code' | 'name'>, t: Translate): string {
  if (calendar.name && calendar.name !== calendar.code) return calendar.name;
  const key = `admin.sla.calendarName.${calendar.code}`;
  return isMessageKey(key) ? t(key) : calendar.code;
}
