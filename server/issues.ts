import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { type ApiIssue, type Locale } from '../common/errors';
import { fieldErrorMessage } from '../common/forms/messages';
import { formatMessage } from '../common/messages';
import { FIELD_ERROR_CODES, type FieldErrorCode } from '../common/forms/types';
import type { MODULES } from './modules';
import type { IssueTexts, PaydeskModule } from './modules/module';
import { readerLocale } from './platform/locale';

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

/** The codes of a module's texts, from its manifest (`issueTexts`); distributes over the list's union. */
type CodesOf<M> = M extends { issueTexts?: infer T } ? keyof T : never;

/** Every module's field-problem code (`catalog.no_parent`, …), checked where `ownIssue` is called. */
export type OwnIssueCode = CodesOf<(typeof MODULES)[number]> & string;

/**
 * Our own issue texts by code, from the module manifests (`useModuleIssueTexts`, called by
 * buildApp: a value import of the module list here would be an import cycle); `{name}` is
 * filled from the issue's params.
 */
let OWN_TEXT: IssueTexts = {};

/** Takes the texts of every module's codes; a code defined by two modules is a mistake. */
export function useModuleIssueTexts(modules: readonly PaydeskModule[]): void {
  const all: IssueTexts = {};
  for (const m of modules)
    for (const [code, texts] of Object.entries(m.issueTexts ?? {})) {
      if (Object.hasOwn(all, code)) throw new Error(`issue code ${code} is defined twice`);
      all[code] = texts;
    }
  OWN_TEXT = all;
}

/** The platform's own codes (server/platform/input.ts: hostile input refused before any module's schema). */
export const PLATFORM_TEXT = {
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
  'input.too_deep': { ru: 'Слишком глубокая вложенность', uk: 'Занадто глибока вкладеність', en: 'Nested too deeply' },
  'input.reserved_key': { ru: 'Недопустимое имя поля', uk: 'Неприпустима назва поля', en: 'This field name is not allowed' },
  'input.nothing_to_change': {
    ru: 'Нечего изменять: не передано ни одного поля',
    uk: 'Нічого змінювати: не передано жодного поля',
    en: 'Nothing to change: no field given',
  },
  'input.unsafe_link': {
    ru: 'Ссылка ведёт на другой сайт под видом адреса этого (//… или /\\…): укажите полный адрес https://…',
    uk: 'Посилання веде на інший сайт під виглядом адреси цього (//… або /\\…): вкажіть повну адресу https://…',
    en: 'A link points to another site disguised as a path of this one (//… or /\\…): give the full https://… address',
  },
  'input.malformed': {
    ru: 'Тело запроса повреждено или в неверном формате',
    uk: 'Тіло запиту пошкоджене або в невірному форматі',
    en: 'The request body is malformed',
  },
} satisfies IssueTexts;

export type PlatformIssueCode = keyof typeof PLATFORM_TEXT;

/** Our text for a code, if the code is one of ours (a module's, else the platform's). */
const ownText = (code: unknown, locale: Locale): string | undefined =>
  typeof code !== 'string'
    ? undefined
    : Object.hasOwn(OWN_TEXT, code)
      ? OWN_TEXT[code]?.[locale]
      : Object.hasOwn(PLATFORM_TEXT, code)
        ? PLATFORM_TEXT[code as PlatformIssueCode][locale]
        : undefined;

/** An issue of ours: its text is chosen per reader by the error handler. */
export function ownIssue(path: string[], code: OwnIssueCode, params?: Record<string, string>): Issue {
  return { path, code, ...(params ? { params } : {}) };
}

/**
 * Field problems given by field key (`{ email: { code: 'required' } }`, `{ 'imap.password': … }`:
 * the form validator's and the upload checks' shape) as issues under `location` (`body`).
 */
export function fieldIssues(fields: unknown, location = 'body'): Issue[] {
  if (!fields || typeof fields !== 'object') return [];
  return Object.entries(fields as Record<string, { code?: unknown; message?: unknown; params?: unknown }>).map(([key, f]) => ({
    path: [location, ...key.split('.')],
    code: typeof f?.code === 'string' ? f.code : 'invalid',
    ...(typeof f?.message === 'string' ? { message: f.message } : {}),
    ...(f?.params && typeof f.params === 'object' ? { params: f.params as Record<string, unknown> } : {}),
  }));
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

const textOf = (r: ReturnType<z.core.$ZodErrorMap>): string | undefined =>
  typeof r === 'string' ? r : (r?.message ?? undefined);

/** An issue text is an ICU message like every other (common/messages.ts); `{code}` comes from the params. */
function fill(locale: Locale, template: string, params: Record<string, unknown> | undefined): string {
  const values = Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : String(v)] as const),
  );
  return formatMessage(locale, template, values);
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

const isFieldCode = (code: string | undefined): code is FieldErrorCode =>
  code !== undefined && (FIELD_ERROR_CODES as readonly string[]).includes(code);

/** The form validator's params (numbers and strings only), for the client to word the code itself. */
function fieldParams(params: Record<string, unknown> | undefined): Record<string, string | number> | undefined {
  if (!params) return undefined;
  const out = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number'),
  );
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The issues as the client gets them (common/errors `ApiIssue`): path, code and a text in the
 * reader's language, and for the form validator's codes their params; nothing else.
 */
export function localizeIssues(request: FastifyRequest, issues: readonly Issue[]): ApiIssue[] {
  // `request.locale` once the auth plugin is registered; the same resolver otherwise (bare test apps).
  const locale = (request.locale as Locale | undefined) ?? readerLocale(request);
  return issues.map((issue) => {
    const out = { path: issue.path, code: issue.code ?? 'invalid' };
    const own = ownText(issue.code, locale) ?? ownText(issue.message, locale);
    if (own !== undefined) return { ...out, message: fill(locale, own, issue.params) };
    if (isFieldCode(issue.code)) {
      const params = fieldParams(issue.params);
      const message = issue.message ?? fieldErrorMessage({ code: issue.code, ...(params ? { params } : {}) }, locale);
      return { ...out, message, ...(params ? { params } : {}) };
    }
    const message = issue.message ?? 'invalid';
    if (!issue.params || !issue.code) return { ...out, message };
    const raw = { ...issue.params, code: issue.code, path: issue.path.slice(1), input: sentAt(request, issue.path) };
    const asZod = raw as unknown as Parameters<z.core.$ZodErrorMap>[0];
    // Only zod's own default text (its global language, English unless configured) is re-worded;
    // any other text was written on purpose.
    if (textOf(z.config().localeError?.(asZod)) !== message) return { ...out, message };
    return { ...out, message: textOf(ZOD_TEXT[locale](asZod)) ?? message };
  });
}
