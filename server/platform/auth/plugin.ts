import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import type { Database, SqlRunner } from '../../db/connection';
import { AppError } from '../../errors';
import { safeEqual } from '../crypto';
import { registerLocale } from '../locale';
import { registerAccess } from './access';
import { loadSession, SESSION_COOKIE, type AuthState } from './sessions';

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    auth: AuthState | null;
    sessionExpired: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie options of the session cookie (httpOnly, SameSite=Lax, Secure behind https). */
export function sessionCookieOptions(config: Config, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.publicUrl.startsWith('https://'),
    ...(expires ? { expires } : {}),
  };
}

/** Every route under it is for staff only (the console and its administration). */
export const STAFF_PREFIX = '/api/v1/console/';

/** Whether a request comes from our own origin (for login and WebSocket, where no CSRF token exists yet). */
export function isSameOrigin(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser cross-site request (browsers send Origin on POST and WS)
  // PUBLIC_URL's origin and the configured ones only: never the Host header, which a DNS-rebinding
  // page controls (config.ts, allowedOrigins).
  return config.origins.includes(origin);
}

/**
 * Loads the session of every request, and enforces the CSRF token (header `X-CSRF-Token`,
 * synchronizer token stored with the session) on cookie-authenticated mutations.
 */
export function registerAuth(app: FastifyInstance, deps: { db: Database; handle: SqlRunner; config: Config }): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  // The reader's language follows the session's person, so it is decided here (server/platform/locale.ts).
  registerLocale(app, deps.config.DEFAULT_LOCALE);
  // Callback-style hooks: they run on every request, and an anonymous one (no session cookie,
  // e.g. the public help-centre search) then costs no promise, no microtask and no SQL.
  app.addHook('onRequest', (request, reply, done) => {
    request.auth = null;
    request.sessionExpired = false;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      done();
      return;
    }
    loadSession(deps, token, deps.config.SESSION_TTL_HOURS).then((found) => {
      if (found.state === 'valid') {
        request.auth = found.auth;
      } else {
        request.sessionExpired = found.state === 'expired';
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config));
      }
      done();
    }, done);
  });
  // Staff routes answer who may call them before anything else is looked at: an anonymous caller
  // gets 401, a customer 403, and a staff member without the route's declared role 403, before the
  // body is parsed or validated, so no error describes a staff route's schema to someone who may
  // not use it (access.ts).
  registerAccess(app, STAFF_PREFIX);
  app.addHook('preHandler', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method)) {
      done();
      return;
    }
    if (!request.auth) {
      done(isSameOrigin(request, deps.config) ? undefined : new AppError('CSRF_TOKEN_INVALID'));
      return;
    }
    const sent = request.headers['x-csrf-token'];
    done(
      typeof sent !== 'string' || !safeEqual(sent, request.auth.session.csrfToken)
        ? new AppError('CSRF_TOKEN_INVALID')
        : undefined,
    );
  });
}
