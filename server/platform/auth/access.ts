import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * What a staff route needs, declared in its route options (`config: { staff: … }`): any staff
 * member, or one of some roles. The guard in `registerAccess` checks it in `onRequest`, before
 * the body is parsed or validated, so nobody learns a route's schema from a 400 on a route they
 * may not call. What depends on the loaded record (a request's department) stays in the module's
 * policy, after the role part.
 */
export type StaffAccess = 'any' | readonly StaffRole[];

declare module 'fastify' {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyContextConfig {
    staff?: StaffAccess;
  }
}

/** Every staff route's declaration, `METHOD /path` → access (read by the tests' route table). */
const declared = new WeakMap<FastifyInstance, Map<string, StaffAccess>>();

export function routeAccess(app: FastifyInstance): ReadonlyMap<string, StaffAccess> {
  return declared.get(app) ?? new Map();
}

/** Whether a person with these roles passes the declaration. */
export function allows(access: StaffAccess, roles: readonly StaffRole[]): boolean {
  return access === 'any' || access.some((r) => roles.includes(r));
}

const key = (method: string, url: string) => `${method} ${url.length > 1 ? url.replace(/\/$/, '') : url}`;

/**
 * Registers the guard. Every route under `staffPrefix` must declare its access — a route added
 * without one stops the app from being built (and the table test names it); routes elsewhere
 * that are for staff (the catalogue's editor) declare it the same way.
 */
export function registerAccess(app: FastifyInstance, staffPrefix: string): void {
  const routes = new Map<string, StaffAccess>();
  declared.set(app, routes);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { staff?: StaffAccess } | undefined)?.staff;
    if (!access && route.url.startsWith(staffPrefix)) {
      throw new Error(`Staff route ${String(route.method)} ${route.url} declares no access (config.staff)`);
    }
    if (!access) return;
    for (const method of [route.method].flat()) routes.set(key(method, route.url), access);
  });
  app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    const access = request.routeOptions.config.staff;
    if (!access) return done();
    if (!request.auth) return done(new AppError(request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED'));
    const { user } = request.auth;
    done(user.kind === 'staff' && allows(access, user.roles) ? undefined : new AppError('FORBIDDEN'));
  });
}

/** Admins only: changing the administration (departments, SLA, canned answers, settings…). */
export const ADMINS: readonly StaffRole[] = ['admin'];
/** Admins and supervisors: reading the administration, the audit log, statistics. */
export const SUPERVISORS: readonly StaffRole[] = ['admin', 'supervisor'];
