import type { Locale } from '../../common/errors';
import { ApiError, setCsrfToken } from './client';
import { api, ok } from './http';
import type { Answer, Body } from './http';

// Types and calls of the session API (`/auth/*`): the server's OpenAPI document
// (web/api/schema.d.ts) through its typed client.

type Session = NonNullable<Answer<'/api/v1/auth/me', 'get'>>;
export type SessionKind = Session['kind'];
/** The signed-in person; `replyChannel` and `answerNotices` are a customer's (`PUT /auth/me/…`). */
export type SessionUser = Session['user'];
export type Me = { kind: SessionKind; user: SessionUser };
export type LoginInput = Body<'/api/v1/auth/login', 'post'>;

/** Keeps the session's CSRF token for the calls that change something; returns the session. */
function remember(session: Session): Me {
  setCsrfToken(session.csrfToken);
  return { kind: session.kind, user: session.user };
}

/** The signed-in person, or null when nobody is signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const session = await ok(api.GET('/api/v1/auth/me'));
    // A visitor without a session: 200 with null.
    if (!session) {
      setCsrfToken(null);
      return null;
    }
    return remember(session);
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
  return remember(await ok(api.POST('/api/v1/auth/login', { body: input })));
}

/** Ends the session on the server and forgets the CSRF token. */
export async function logout(): Promise<void> {
  try {
    await ok(api.POST('/api/v1/auth/logout'));
  } finally {
    setCsrfToken(null);
  }
}

/** Saves the interface language in the signed-in person's profile. */
export async function saveMyLocale(locale: Locale): Promise<void> {
  await ok(api.PUT('/api/v1/auth/me/locale', { body: { locale } }));
}

/** What to call the person in the UI: their name, else their e-mail or phone. */
export function displayName(user: SessionUser): string {
  return user.name.trim() || user.email || user.phone || '';
}

/** A customer's switch for the short "new answer" e-mail on personal-section-only requests. */
export async function setAnswerNotices(answerNotices: boolean): Promise<void> {
  await ok(api.PUT('/api/v1/auth/me/answer-notices', { body: { answerNotices } }));
}
