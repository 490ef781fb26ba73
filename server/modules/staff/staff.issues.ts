import type { IssueTexts } from '../module';

/** Texts of this module's field-problem codes (server/issues.ts picks the reader's language). */
export const STAFF_ISSUE_TEXTS = {
  'staff.listed_twice': {
    ru: 'Сотрудник указан дважды',
    uk: 'Співробітника вказано двічі',
    en: 'A person is listed twice',
  },
  'staff.unknown_member': {
    ru: 'Сотрудник не найден или отключён',
    uk: 'Співробітника не знайдено або вимкнено',
    en: 'Unknown or inactive staff member',
  },
  'staff.own_account': {
    ru: 'Нельзя отключить себя или снять с себя роль администратора',
    uk: 'Не можна вимкнути себе або зняти з себе роль адміністратора',
    en: 'You cannot deactivate yourself or remove your own admin role',
  },
  'staff.last_admin': {
    ru: 'Это последний активный администратор: сначала назначьте другого',
    uk: 'Це останній активний адміністратор: спочатку призначте іншого',
    en: 'This is the last active admin: make someone else an admin first',
  },
  'staff.no_calendar': { ru: 'Такого календаря нет', uk: 'Такого календаря немає', en: 'No such calendar' },
  'staff.no_category': { ru: 'Такой категории нет', uk: 'Такої категорії немає', en: 'No such category' },
  'staff.no_department': { ru: 'Такого отдела нет', uk: 'Такого відділу немає', en: 'No such department' },
} as const satisfies IssueTexts;
