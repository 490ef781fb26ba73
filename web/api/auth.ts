import type { Locale } from '../../common/errors';
import { isLocale } from '../i18n/locale';
import { ApiError, apiRequest, setCsrfToken } from './client';

export type SessionKind = 'staff' | 'customer';

export type SessionUser = {
  id: string;
  email: string | null;
  phone?: string | null;
  name: string;
  roles: string[];
  locale: Locale;
  /** Where answers go by default (customers; `PUT /auth/me/reply-channel`). */
  replyChannel?: 'email' | 'portal';
  /** With the personal-section channel: still e-mail a short notice of a new answer (`PUT /auth/me/answer-notices`). */
  answerNotices?: boolean;
};

export type Me = { kind: SessionKind; user: SessionUser };

export type LoginInput = { kind: SessionKind; login: string; password: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the `/auth/me` and `/auth/login` body, keeps its CSRF token, returns the session. */
function readMe(body: unknown): Me {
  const user = isRecord(body) ? body.user : undefined;
  if (
    !isRecord(body) ||
    (body.kind !== 'staff' && body.kind !== 'customer') ||
    typeof body.csrfToken !== 'string' ||
    !isRecord(user) ||
    typeof user.id !== 'string'
  ) {
    throw new ApiError({ code: 'INTERNAL', status: 200 });
  }
  setCsrfToken(body.csrfToken);
  const rawRoles: unknown[] = Array.isArray(user.roles) ? (user.roles as unknown[]) : [];
  const roles = rawRoles.filter((r): r is string => typeof r === 'string');
  return {
    kind: body.kind,
    user: {
      id: user.id,
      email: typeof user.email === 'string' ? user.email : null,
      phone: typeof user.phone === 'string' ? user.phone : null,
      name: typeof user.name === 'string' ? user.name : '',
      roles,
      locale: isLocale(user.locale) ? user.locale : 'ru',
      ...(user.replyChannel === 'email' || user.replyChannel === 'portal' ? { replyChannel: user.replyChannel } : {}),
      ...(typeof user.answerNotices === 'boolean' ? { answerNotices: user.answerNotices } : {}),
    },
  };
}

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const body = await apiRequest('GET', '/auth/me');
    // A visitor without a session: 200 with null.
    if (body === null || body === undefined) {
      setCsrfToken(null);
      return null;
    }
    return readMe(body);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'AUTH_REQUIRED' || error.code === 'AUTH_SESSION_EXPIRED')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Signs in; rejects with AUTH_INVALID_CREDENTIALS, AUTH_ACCOUNT_LOCKED, RATE_LIMITED, VALIDATION_FAILED… */
export async function login(input: LoginInput): Promise<Me> {
  return readMe(await apiRequest('POST', '/auth/login', input));
}

/** Ends the session on the server and forgets the CSRF token. */
export async function logout(): Promise<void> {
  try {
    await apiRequest('POST', '/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/** Saves the interface language in the signed-in person's profile. */
export async function saveMyLocale(locale: Locale): Promise<void> {
  await apiRequest('PUT', '/auth/me/locale', { locale });
}

/** What to call the person in the UI: their name, else their e-mail or phone. */
export function displayName(user: SessionUser): string {
  return user.name.trim() || user.email || user.phone || '';
}

/** A customer's switch for the short "new answer" e-mail on personal-section-only requests. */
export async function setAnswerNotices(answerNotices: boolean): Promise<void> {
  await apiRequest('PUT', '/auth/me/answer-notices', { answerNotices });
}
