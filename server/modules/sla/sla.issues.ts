import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const SLA_ISSUE_TEXTS = {
  'sla.start_time': {
    ru: 'время «ЧЧ:ММ» от 00:00 до 23:59',
    uk: 'час «ГГ:ХХ» від 00:00 до 23:59',
    en: 'a time "HH:MM" from 00:00 to 23:59',
  },
  'sla.end_time': {
    ru: 'время «ЧЧ:ММ» от 00:00 до 24:00',
    uk: 'час «ГГ:ХХ» від 00:00 до 24:00',
    en: 'a time "HH:MM" from 00:00 to 24:00',
  },
  'sla.start_before_end': {
    ru: 'Начало должно быть раньше окончания',
    uk: 'Початок має бути раніше за кінець',
    en: 'The start must be before the end',
  },
  'sla.overlap': {
    ru: 'Интервал пересекается с другим в тот же день',
    uk: 'Інтервал перетинається з іншим того ж дня',
    en: 'The interval overlaps another one of the same day',
  },
  'sla.unknown_time_zone': {
    ru: 'Неизвестный часовой пояс IANA',
    uk: 'Невідомий часовий пояс IANA',
    en: 'Unknown IANA time zone',
  },
  'sla.real_date': {
    ru: 'существующая дата «ГГГГ-ММ-ДД»',
    uk: 'дата, що існує, «РРРР-ММ-ДД»',
    en: 'a real date "YYYY-MM-DD"',
  },
  'sla.no_working_time': {
    ru: 'В неделе нет рабочего времени (или включите «круглосуточно»)',
    uk: 'У тижні немає робочого часу (або увімкніть «цілодобово»)',
    en: 'No working time in the week (or set "always open")',
  },
} as const satisfies IssueTexts;
