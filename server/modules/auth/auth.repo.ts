import { eq, sql } from 'drizzle-orm';
import { normalizePhone } from '../../../common/forms/validate';
import type { Executor } from '../../db/connection';
import { sha256 } from '../../platform/crypto';
import { customers, loginThrottle, staffUsers } from '../../db/schema';

export type Account = {
  kind: 'staff' | 'customer';
  id: string;
  passwordHash: string | null;
  active: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
};

/**
 * The login as the throttles count it, whether or not an account has it: the same normalisation
 * as the lookup (e-mail case, phone formatting), hashed so the counters hold no address or phone.
 */
export function loginSubject(kind: 'staff' | 'customer', login: string): string {
  const phone = kind === 'customer' && !login.includes('@') ? normalizePhone(login) : null;
  return sha256(`${kind}:${phone ?? login.toLowerCase()}`);
}

export async function findAccount(db: Executor, kind: 'staff' | 'customer', login: string): Promise<Account | null> {
  const email = login.toLowerCase();
  if (kind === 'staff') {
    const [u] = await db
      .select()
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = ${email}`)
      .limit(1);
    return u
      ? {
          kind,
          id: u.id,
          passwordHash: u.passwordHash,
          active: u.active,
          failedLogins: u.failedLogins,
          lockedUntil: u.lockedUntil,
        }
      : null;
  }
  const phone = login.includes('@') ? null : normalizePhone(login);
  const where = phone ? eq(customers.phone, phone) : sql`lower(${customers.email}) = ${email}`;
  const [c] = await db.select().from(customers).where(where).limit(1);
  return c
    ? { kind, id: c.id, passwordHash: c.passwordHash, active: c.active, failedLogins: c.failedLogins, lockedUntil: c.lockedUntil }
    : null;
}

/** Clears the lock columns of the former hard lock (kept for accounts locked before the throttles). */
export async function clearAccountFailures(db: Executor, account: Account): Promise<void> {
  if (account.failedLogins === 0 && !account.lockedUntil) return;
  const values = { failedLogins: 0, lockedUntil: null, updatedAt: new Date() };
  if (account.kind === 'staff') await db.update(staffUsers).set(values).where(eq(staffUsers.id, account.id));
  else await db.update(customers).set(values).where(eq(customers.id, account.id));
}

export async function setReplyChannel(db: Executor, customerId: string, replyChannel: 'email' | 'portal'): Promise<void> {
  await db.update(customers).set({ replyChannel, updatedAt: new Date() }).where(eq(customers.id, customerId));
}

export async function setAnswerNotices(db: Executor, customerId: string, answerNotices: boolean): Promise<void> {
  await db.update(customers).set({ answerNotices, updatedAt: new Date() }).where(eq(customers.id, customerId));
}

export async function setLocale(db: Executor, kind: 'staff' | 'customer', id: string, locale: string): Promise<void> {
  if (kind === 'staff') await db.update(staffUsers).set({ locale, updatedAt: new Date() }).where(eq(staffUsers.id, id));
  else await db.update(customers).set({ locale, updatedAt: new Date() }).where(eq(customers.id, id));
}

/** Failures from one address within the window; resets when the window has passed. */
export async function ipFailures(
  db: Executor,
  ip: string,
  windowMinutes: number,
): Promise<{ failures: number; windowStart: Date } | null> {
  const [row] = await db
    .select()
    .from(loginThrottle)
    .where(eq(loginThrottle.key, `ip:${ip}`))
    .limit(1);
  if (!row || row.windowStart.getTime() < Date.now() - windowMinutes * 60_000) return null;
  return { failures: row.failures, windowStart: row.windowStart };
}

export async function recordIpFailure(db: Executor, ip: string, windowMinutes: number): Promise<void> {
  await db
    .insert(loginThrottle)
    .values({ key: `ip:${ip}`, failures: 1, windowStart: new Date() })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStart} < now() - make_interval(mins => ${windowMinutes}) THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${loginThrottle.windowStart} < now() - make_interval(mins => ${windowMinutes}) THEN now() ELSE ${loginThrottle.windowStart} END`,
      },
    });
}
