import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../../common/errors';

// The one way the server picks the reader's language: the signed-in person's own → the portal's
// `pd_locale` cookie (the language a visitor chose) → the browser's Accept-Language → the
// installation's DEFAULT_LOCALE. Routes read `request.locale`; pure code gets a Locale passed in.

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    /** The reader's language (see server/platform/locale.ts). */
    readonly locale: Locale;
  }
}

export const LOCALE_COOKIE = 'pd_locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `value` when it is one of our languages, else `fallback`. */
export function asLocale(value: unknown, fallback: Locale = 'ru'): Locale {
  return isLocale(value) ? value : fallback;
}

/**
 * The best of our languages an `Accept-Language` header asks for (by q, then by order), or null.
 * Regional tags count for their language (`uk-UA` → uk); `*` and unknown languages are skipped.
 */
export function acceptedLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const language = tag.trim().toLowerCase().split('-')[0];
    if (!isLocale(language)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: language, q };
  }
  return best?.locale ?? null;
}

type LocaleSources = {
  userLocale?: string | null | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
};

/** The reader's language from what a request carries (see the order above). */
export function resolveLocale(sources: LocaleSources, defaultLocale: Locale): Locale {
  if (isLocale(sources.userLocale)) return sources.userLocale;
  if (isLocale(sources.cookie)) return sources.cookie;
  return acceptedLocale(sources.acceptLanguage) ?? defaultLocale;
}

/** The reader's language of a request (after the session is loaded, it follows the person's own). */
export function readerLocale(request: FastifyRequest, defaultLocale: Locale = 'ru'): Locale {
  const header = request.headers['accept-language'];
  return resolveLocale(
    {
      userLocale: request.auth?.user.locale,
      cookie: (request.cookies as Record<string, string | undefined> | undefined)?.[LOCALE_COOKIE],
      acceptLanguage: Array.isArray(header) ? header.join(',') : header,
    },
    defaultLocale,
  );
}

/** Gives every request `request.locale` (computed when read, so a sign-in during the request counts). */
export function registerLocale(app: FastifyInstance, defaultLocale: Locale): void {
  app.decorateRequest('locale', {
    getter(this: FastifyRequest) {
      return readerLocale(this, defaultLocale);
    },
  });
}
