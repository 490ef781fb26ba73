import { and, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { customers, sessions, staffUsers, type StaffRole } from '../../db/schema';
import { randomToken, sha256 } from '../crypto';

export const SESSION_COOKIE = 'pd_session';

export type AuthUser =
  | { kind: 'staff'; id: string; email: string; phone: null; name: string; roles: StaffRole[]; locale: string }
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

/**
 * Finds the session of a cookie token with its (active) user. Expired sessions are deleted.
 * Sliding expiry: a session used after a fifth of its lifetime is extended, at most one write per 5 minutes.
 */
export async function loadSession(db: Executor, token: string, ttlHours: number): Promise<SessionLookup> {
  if (token.length < 20 || token.length > 100) return { state: 'none' };
  const id = sha256(token);
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).limit(1);
  if (!row) return { state: 'none' };
  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'expired' };
  }
  const user = await loadUser(db, row.kind, row.userId);
  if (!user) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { state: 'none' };
  }
  let expiresAt = row.expiresAt;
  if (now - row.lastSeenAt.getTime() > 5 * 60_000) {
    expiresAt = new Date(now + ttlHours * 3_600_000);
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt })
      .where(eq(sessions.id, id));
  }
  return { state: 'valid', auth: { session: { id, csrfToken: row.csrfToken, expiresAt }, user } };
}

async function loadUser(db: Executor, kind: 'staff' | 'customer', userId: string): Promise<AuthUser | null> {
  if (kind === 'staff') {
    const [u] = await db
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.id, userId), eq(staffUsers.active, true)))
      .limit(1);
    return u ? { kind: 'staff', id: u.id, email: u.email, phone: null, name: u.name, roles: u.roles, locale: u.locale } : null;
  }
  const [c] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, userId), eq(customers.active, true)))
    .limit(1);
  return c
    ? {
        kind: 'customer',
        id: c.id,
        email: c.email,
        phone: c.phone,
        name: c.name,
        roles: [],
        locale: c.locale,
        priority: c.priority,
        replyChannel: c.replyChannel,
        answerNotices: c.answerNotices,
      }
    : null;
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a person (password reset, deactivation). */
export async function deleteUserSessions(db: Executor, kind: 'staff' | 'customer', userId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.kind, kind), eq(sessions.userId, userId)));
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
