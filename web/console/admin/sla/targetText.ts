import type { Translate } from '../../../i18n/I18nProvider';
import { splitTarget } from './slaUnits';

/** "5 раб. дн.", "8 раб. ч", "24 ч", "45 мин". */
export function targetText(minutes: number, day: number | null, alwaysOpen: boolean, t: Translate): string {
  const { value, unit } = splitTarget(minutes, day);
  const n = value.replace('.', ',');
  if (unit === 'days') return t(alwaysOpen ? 'admin.sla.days' : 'admin.sla.businessDaysShort', { n });
  if (unit === 'hours') return t(alwaysOpen ? 'admin.sla.hours' : 'admin.sla.businessHours', { n });
  return t('admin.sla.minutes', { n });
}
