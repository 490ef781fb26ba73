import { and, eq, lt } from 'drizzle-orm';
import type { Executor, SqlRunner } from '../../db/connection';
import { sessions, type StaffRole } from '../../db/schema';
import { randomToken, sha256 } from '../crypto';

/** The department of the security service (its requests are invisible outside it). */
export const SECURITY_DEPARTMENT_CODE = 'security';

/**
 * A staff member's department memberships and the security service's department, read with the
 * session in the same statement (so every request sees the current membership without a query
 * of its own). `loadScope` builds the StaffScope from it.
 */
export type PreloadedScope = {
  departments: Array<{ departmentId: string; code: string; tier: number }>;
  securityDepartmentId: string | null;
};

export const SESSION_COOKIE = 'pd_session';

export type AuthUser =
  | {
      kind: 'staff';
      id: string;
      email: string;
      phone: null;
      name: string;
      roles: StaffRole[];
      locale: string;
      /** Present when loaded with the session (see PreloadedScope). */
      scope?: PreloadedScope;
    }
  | {
      kind: 'customer';
      id: string;
      email: string | null;
      phone: string | null;
      name: string;
      roles: [];
      locale: string;
      priority: boolean;
      replyChannel: 'email' | 'portal';
      answerNotices: boolean;
    };

export type AuthState = {
  session: { id: string; csrfToken: string; expiresAt: Date };
  user: AuthUser;
};

/** Opens a session; the cookie gets the token, the table only its hash. */
export async function createSession(
  tx: Executor,
  input: { kind: 'staff' | 'customer'; userId: string; ttlHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; id: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const id = sha256(token);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000);
  await tx.insert(sessions).values({
    id,
    kind: input.kind,
    userId: input.userId,
    csrfToken,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, csrfToken, expiresAt };
}

export type SessionLookup = { state: 'valid'; auth: AuthState } | { state: 'expired' } | { state: 'none' };

type SessionRow = {
  kind: 'staff' | 'customer';
  csrf_token: string;
  expires_at: Date | string;
  last_seen_at: Date | string;
  /** The active user as JSON, null when missing or deactivated. */
  u: Record<string, unknown> | null;
};

/**
 * The session with its active user — for staff with their department memberships and the
 * security service's department — in one statement. Plain SQL, so on PostgreSQL it runs as a
 * named prepared statement: every request of a signed-in person runs it, and parsing and
 * planning it each time cost more than running it.
 */
const SESSION_SQL = `
    SELECT s.kind, s.csrf_token, s.expires_at, s.last_seen_at,
      CASE WHEN s.kind = 'staff' THEN (
        SELECT json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'roles', u.roles, 'locale', u.locale,
          'departments', (SELECT coalesce(json_agg(json_build_object('departmentId', m.department_id, 'code', d.code, 'tier', m.tier)), '[]'::json)
                            FROM department_members m JOIN departments d ON d.id = m.department_id WHERE m.staff_id = u.id),
          'securityDepartmentId', (SELECT d.id FROM departments d WHERE d.code = '${SECURITY_DEPARTMENT_CODE}' LIMIT 1))
        FROM staff_users u WHERE u.id = s.user_id AND u.active)
      ELSE (
        SELECT json_build_object('id', c.id, 'email', c.email, 'phone', c.phone, 'name', c.name, 'locale', c.locale,
          'priority', c.priority, 'replyChannel', c.reply_channel, 'answerNotices', c.answer_notices)
        FROM customers c WHERE c.id = s.user_id AND c.active)
      END AS u
    FROM sessions s WHERE s.id = $1`;

/**
 * Finds the session of a cookie token with its (active) user — for staff with their department
 * memberships — in one statement. Expired sessions are deleted.
 * Sliding expiry: a session used after a fifth of its lifetime is extended, at most one write per 5 minutes.
 */
export async function loadSession(
  db: { db: Executor; handle: SqlRunner },
  token: string,
  ttlHours: number,
): Promise<SessionLookup> {
  if (token.length < 20 || token.length > 100) return { state: 'none' };
  const id = sha256(token);
  const result = await db.handle.query<SessionRow>(SESSION_SQL, [id], { name: 'paydesk_session' });
  const row = result.rows[0];
  if (!row) return { state: 'none' };
  const now = Date.now();
  let expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= now) {
    await db.db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'expired' };
  }
  const user = row.u ? toUser(row.kind, row.u) : null;
  if (!user) {
    await db.db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'none' };
  }
  if (now - new Date(row.last_seen_at).getTime() > 5 * 60_000) {
    expiresAt = new Date(now + ttlHours * 3_600_000);
    await db.db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt })
      .where(eq(sessions.id, id));
  }
  return { state: 'valid', auth: { session: { id, csrfToken: row.csrf_token, expiresAt }, user } };
}

function toUser(kind: 'staff' | 'customer', u: Record<string, unknown>): AuthUser {
  if (kind === 'staff') {
    return {
      kind: 'staff',
      id: u.id as string,
      email: u.email as string,
      phone: null,
      name: u.name as string,
      roles: u.roles as StaffRole[],
      locale: u.locale as string,
      scope: {
        departments: u.departments as PreloadedScope['departments'],
        securityDepartmentId: (u.securityDepartmentId as string | null) ?? null,
      },
    };
  }
  return {
    kind: 'customer',
    id: u.id as string,
    email: (u.email as string | null) ?? null,
    phone: (u.phone as string | null) ?? null,
    name: u.name as string,
    roles: [],
    locale: u.locale as string,
    priority: Boolean(u.priority),
    replyChannel: u.replyChannel as 'email' | 'portal',
    answerNotices: u.answerNotices !== false,
  };
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a person (password reset, deactivation). */
export async function deleteUserSessions(db: Executor, kind: 'staff' | 'customer', userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.userId, userId)));
}

/** Deletes the sessions past their expiry (a request with one is refused anyway); answers how many. Run hourly by `auth.purge-sessions`. */
export async function purgeExpiredSessions(db: Executor, now = new Date()): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return gone.length;
}

/**
 * A session as it is now, by its id, with its person's current roles and departments — or null
 * when it is gone, past its expiry or its person deactivated. Open sockets re-read it when that
 * person's rights change (platform/ws.ts); it never extends the session.
 */
export async function reloadSession(handle: SqlRunner, id: string): Promise<AuthState | null> {
  const result = await handle.query<SessionRow>(SESSION_SQL, [id], { name: 'paydesk_session' });
  const row = result.rows[0];
  if (!row?.u) return null;
  const expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= Date.now()) return null;
  return { session: { id, csrfToken: row.csrf_token, expiresAt }, user: toUser(row.kind, row.u) };
}

/** When a session ends now (sliding expiry moves it), or null when it is gone (signed out, ended by a reset). */
export async function sessionExpiresAt(db: Executor, id: string): Promise<Date | null> {
  const [row] = await db.select({ expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.id, id)).limit(1);
  return row && row.expiresAt.getTime() > Date.now() ? row.expiresAt : null;
}
