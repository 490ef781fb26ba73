import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../common/errors';

/**
 * Field-level problems (`error.details.issues`) in the reader's language. The admin screens show
 * an issue's text beside its field, so it must be in the language the person reads the console in:
 * zod's own texts are re-worded per request (its ru / uk / en locales), ours come from the table
 * below by code. Customer forms do not depend on this: they show their catalogue's text for the code.
 */
export type Issue = { path: string[]; code?: string; message?: string; params?: Record<string, unknown> };

const ZOD_TEXT: Record<Locale, z.core.$ZodErrorMap> = {
  ru: z.locales.ru().localeError,
  uk: z.locales.uk().localeError,
  en: z.locales.en().localeError,
};

/** Our own issue texts by code; `{name}` is filled from the issue's params. */
const OWN_TEXT = {
  'settings.phone_digits': {
    ru: 'только цифры, в начале можно «+»',
    uk: 'лише цифри, на початку можна «+»',
    en: 'digits only, optionally starting with "+"',
  },
  'catalog.unknown_department': {
    ru: 'Нет отдела с кодом «{code}»',
    uk: 'Немає відділу з кодом «{code}»',
    en: 'No department with the code "{code}"',
  },
  'catalog.unknown_sla': {
    ru: 'Нет политики SLA с кодом «{code}»',
    uk: 'Немає політики SLA з кодом «{code}»',
    en: 'No SLA policy with the code "{code}"',
  },
  'catalog.no_parent': { ru: 'Такой категории нет', uk: 'Такої категорії немає', en: 'No such category' },
  'catalog.leaf_parent': {
    ru: 'У конечного пункта не может быть подпунктов',
    uk: 'Кінцевий пункт не може мати підпунктів',
    en: 'A leaf cannot have children',
  },
  'catalog.other_audience': {
    ru: 'Родительская категория — для другой аудитории',
    uk: 'Батьківська категорія — для іншої аудиторії',
    en: 'The parent is of another audience',
  },
  'catalog.under_itself': {
    ru: 'Категорию нельзя перенести внутрь неё самой',
    uk: 'Категорію не можна перенести всередину неї самої',
    en: 'A category cannot move under itself',
  },
  'catalog.leaf_only_settings': {
    ru: 'Отдел, приоритет, SLA и статьи задаются только конечным пунктам',
    uk: 'Відділ, пріоритет, SLA і статті задаються лише кінцевим пунктам',
    en: 'Routing, priority, SLA and articles belong to leaves',
  },
  'catalog.not_a_child': {
    ru: '{id} не вложена в эту категорию',
    uk: '{id} не вкладена в цю категорію',
    en: '{id} is not a child of this parent',
  },
  'catalog.form_on_node': {
    ru: 'Форма бывает только у конечного пункта',
    uk: 'Форма буває лише в кінцевого пункту',
    en: 'Only leaves have forms',
  },
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
  'staff.no_calendar': { ru: 'Такого календаря нет', uk: 'Такого календаря немає', en: 'No such calendar' },
  'staff.no_category': { ru: 'Такой категории нет', uk: 'Такої категорії немає', en: 'No such category' },
  'staff.no_department': { ru: 'Такого отдела нет', uk: 'Такого відділу немає', en: 'No such department' },
  'console.not_a_member': {
    ru: 'Сотрудник не состоит в отделе этого обращения или отключён',
    uk: 'Співробітник не входить до відділу цього звернення або вимкнений',
    en: 'Not an active member of the request’s department',
  },
  'console.unknown_resolution': { ru: 'Нет такого кода решения', uk: 'Немає такого коду рішення', en: 'Unknown resolution code' },
  'notices.end_after_start': {
    ru: 'Окончание должно быть позже начала',
    uk: 'Кінець має бути пізніше за початок',
    en: 'The end must be after the start',
  },
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
  'input.nul': {
    ru: 'Текст содержит нулевой символ (NUL)',
    uk: 'Текст містить нульовий символ (NUL)',
    en: 'The text contains a NUL character',
  },
  'input.surrogate': {
    ru: 'Текст содержит испорченный символ (непарный суррогат UTF-16)',
    uk: 'Текст містить зіпсований символ (непарний сурогат UTF-16)',
    en: 'The text contains a broken character (a lone UTF-16 surrogate)',
  },
  'input.too_deep': {
    ru: 'Слишком глубокая вложенность',
    uk: 'Занадто глибока вкладеність',
    en: 'Nested too deeply',
  },
  'input.reserved_key': {
    ru: 'Недопустимое имя поля',
    uk: 'Неприпустима назва поля',
    en: 'This field name is not allowed',
  },
  'input.nothing_to_change': {
    ru: 'Нечего изменять: не передано ни одного поля',
    uk: 'Нічого змінювати: не передано жодного поля',
    en: 'Nothing to change: no field given',
  },
  'input.malformed': {
    ru: 'Тело запроса повреждено или в неверном формате',
    uk: 'Тіло запиту пошкоджене або в невірному форматі',
    en: 'The request body is malformed',
  },
} satisfies Record<string, Record<Locale, string>>;

export type OwnIssueCode = keyof typeof OWN_TEXT;

const isOwnCode = (code: unknown): code is OwnIssueCode => typeof code === 'string' && Object.hasOwn(OWN_TEXT, code);

/** An issue of ours: its text is chosen per reader by the error handler. */
export function ownIssue(path: string[], code: OwnIssueCode, params?: Record<string, string>): Issue {
  return { path, code, ...(params ? { params } : {}) };
}

/** An issue's details without the value that was sent (it may be personal data). */
export function withoutInput(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!params) return undefined;
  const { input: _input, ...rest } = params;
  return rest;
}

/** zod's issues under `prefix` (e.g. ['body']), keeping what re-wording them per reader needs. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: string[]): Issue[] {
  return issues.map((i) => {
    const { path, message, code, ...params } = i;
    return { path: [...prefix, ...path.map(String)], code, message, params: withoutInput(params) };
  });
}

/** The reader's language: the signed-in person's, else the portal's cookie, else Russian. */
export function readerLocale(request: FastifyRequest): Locale {
  const l = request.auth?.user.locale ?? (request.cookies as Record<string, string | undefined> | undefined)?.pd_locale;
  return (LOCALES as readonly string[]).includes(l ?? '') ? (l as Locale) : 'ru';
}

const textOf = (r: ReturnType<z.core.$ZodErrorMap>): string | undefined =>
  typeof r === 'string' ? r : (r?.message ?? undefined);

function fill(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params && params[k] !== undefined ? String(params[k]) : m));
}

/** The value a request sent at an issue's path (zod's "received …" needs it; it is not kept in the issue). */
function sentAt(request: FastifyRequest, path: readonly string[]): unknown {
  const [where, ...rest] = path;
  let value: unknown =
    where === 'body'
      ? request.body
      : where === 'querystring' || where === 'query'
        ? request.query
        : where === 'params'
          ? request.params
          : where === 'headers'
            ? request.headers
            : undefined;
  for (const key of rest) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** The issues as the client gets them: path, code and a text in the reader's language; nothing else. */
export function localizeIssues(
  request: FastifyRequest,
  issues: readonly Issue[],
): Array<{ path: string[]; code?: string; message: string }> {
  const locale = readerLocale(request);
  return issues.map((issue) => {
    const out = { path: issue.path, ...(issue.code ? { code: issue.code } : {}) };
    if (isOwnCode(issue.code)) return { ...out, message: fill(OWN_TEXT[issue.code][locale], issue.params) };
    // A message of ours given to zod (`.regex(re, 'settings.phone_digits')`).
    if (isOwnCode(issue.message)) return { ...out, message: fill(OWN_TEXT[issue.message][locale], issue.params) };
    const message = issue.message ?? 'invalid';
    if (locale === 'ru' || !issue.params || !issue.code) return { ...out, message };
    const raw = { ...issue.params, code: issue.code, path: issue.path.slice(1), input: sentAt(request, issue.path) };
    const asZod = raw as unknown as Parameters<z.core.$ZodErrorMap>[0];
    // Only zod's own Russian default is re-worded; any other text was written on purpose.
    if (textOf(ZOD_TEXT.ru(asZod)) !== message) return { ...out, message };
    return { ...out, message: textOf(ZOD_TEXT[locale](asZod)) ?? message };
  });
}
