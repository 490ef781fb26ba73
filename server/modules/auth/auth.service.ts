import type { AppContext, RequestMeta } from '../../context';
import { AppError } from '../../errors';
import { recordAudit, type Actor } from '../../platform/audit';
import { createSession, deleteSession, loadSession, type AuthState } from '../../platform/auth/sessions';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../../platform/crypto';
import { emit, withTransaction } from '../../platform/outbox';
import { sessionRoom } from '../../platform/ws';
import { hitRateLimit, peekRateLimit, type RateLimit } from '../../platform/ratelimit';
import {
  clearAccountFailures,
  findAccount,
  ipFailures,
  loginSubject,
  recordIpFailure,
  setLocale as storeLocale,
  setReplyChannel as storeReplyChannel,
  setAnswerNotices as storeAnswerNotices,
} from './auth.repo';
import type { LoginBody } from './auth.schema';
import { canSignIn } from './auth.policy';

const IP_WINDOW_MINUTES = 15;

const secondsUntil = (date: Date) => Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));

/** Failed sign-ins of one login from one address: the owner elsewhere is never slowed by them. */
const pairLimit = (config: AppContext['config']): RateLimit => ({
  name: 'login.pair',
  limit: config.LOGIN_MAX_FAILURES,
  windowSeconds: config.LOGIN_LOCK_MINUTES * 60,
});
/**
 * Failed sign-ins of one login from all addresses: slower than one address can reach alone
 * (defaults: 30 an hour against at most 20 from one address), so it stops a distributed guess.
 */
const accountLimit = (config: AppContext['config']): RateLimit => ({
  name: 'login.account',
  limit: config.LOGIN_ACCOUNT_MAX_FAILURES,
  windowSeconds: 3600,
});

/**
 * Checks a login and opens a session. Limits, all of failed attempts and all answering
 * RATE_LIMITED: per client address, per login and address, and per login from everywhere. They
 * count the login as typed, so a login without an account is answered exactly like one with an
 * account (no lock that tells which exist), and nobody can lock an account: an address that
 * guesses wrong only slows itself.
 */
export async function login(ctx: AppContext, body: LoginBody, meta: RequestMeta): Promise<{ token: string; auth: AuthState }> {
  const { config } = ctx;
  const ip = await ipFailures(ctx.db, meta.ip, IP_WINDOW_MINUTES);
  if (ip && ip.failures >= config.LOGIN_IP_MAX_FAILURES) {
    const until = new Date(ip.windowStart.getTime() + IP_WINDOW_MINUTES * 60_000);
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: secondsUntil(until) });
  }
  const subject = loginSubject(body.kind, body.login);
  for (const [limit, key] of [
    [pairLimit(config), `${subject}:${meta.ip}`],
    [accountLimit(config), subject],
  ] as const) {
    const { allowed, retryAfterSeconds } = await peekRateLimit(ctx.db, limit, key);
    if (!allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds });
  }

  const account = await findAccount(ctx.db, body.kind, body.login);
  // Verify against a dummy hash when there is no account, so timing does not tell which logins exist.
  const passwordOk = await verifyPassword(body.password, account?.passwordHash ?? DUMMY_PASSWORD_HASH);

  if (!account || !passwordOk || !canSignIn(account)) {
    // Written and committed before the error is thrown: the counters must survive it.
    await withTransaction(ctx, async (tx) => {
      await recordIpFailure(tx, meta.ip, IP_WINDOW_MINUTES);
      await hitRateLimit(tx, pairLimit(config), `${subject}:${meta.ip}`);
      await hitRateLimit(tx, accountLimit(config), subject);
      await recordAudit(tx, {
        actor: { kind: 'guest' },
        action: 'auth.login_failed',
        entityType: body.kind,
        entityId: account?.id ?? null,
        ip: meta.ip,
        requestId: meta.requestId,
        data: { reason: !account ? 'unknown_login' : !passwordOk ? 'wrong_password' : 'inactive' },
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }

  const session = await withTransaction(ctx, async (tx) => {
    await clearAccountFailures(tx, account);
    const created = await createSession(tx, {
      kind: account.kind,
      userId: account.id,
      ttlHours: config.SESSION_TTL_HOURS,
      ip: meta.ip,
      userAgent: meta.userAgent,
    });
    const actor: Actor = { kind: account.kind, id: account.id };
    await recordAudit(tx, {
      actor,
      action: 'auth.login',
      entityType: account.kind,
      entityId: account.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    await emit(tx, { type: 'auth.signed_in', aggregateType: account.kind, aggregateId: account.id });
    return created;
  });
  const loaded = await loadSession(ctx, session.token, config.SESSION_TTL_HOURS);
  if (loaded.state !== 'valid') throw new AppError('INTERNAL');
  return { token: session.token, auth: loaded.auth };
}

export async function logout(ctx: AppContext, auth: AuthState, meta: RequestMeta): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await deleteSession(tx, auth.session.id);
    // The session's sockets close on every node once this commits.
    await emit(tx, {
      type: 'auth.signed_out',
      aggregateType: auth.user.kind,
      aggregateId: auth.user.id,
      payload: { rooms: [sessionRoom(auth.session.id)] },
    });
    await recordAudit(tx, {
      actor: { kind: auth.user.kind, id: auth.user.id },
      action: 'auth.logout',
      entityType: auth.user.kind,
      entityId: auth.user.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
  });
}

export async function setLocale(ctx: AppContext, auth: AuthState, locale: string): Promise<void> {
  await storeLocale(ctx.db, auth.user.kind, auth.user.id, locale);
}

/** A customer's default reply channel for new requests (audited). */
export async function setDefaultReplyChannel(
  ctx: AppContext,
  customer: { id: string },
  replyChannel: 'email' | 'portal',
  meta: RequestMeta,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await storeReplyChannel(tx, customer.id, replyChannel);
    await recordAudit(tx, {
      actor: { kind: 'customer', id: customer.id },
      action: 'customer.reply_channel_set',
      entityType: 'customer',
      entityId: customer.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { replyChannel },
    });
  });
}

/** Whether a personal-section-only customer still gets a short mail about a new answer (audited). */
export async function setAnswerNotices(
  ctx: AppContext,
  customer: { id: string },
  answerNotices: boolean,
  meta: RequestMeta,
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    await storeAnswerNotices(tx, customer.id, answerNotices);
    await recordAudit(tx, {
      actor: { kind: 'customer', id: customer.id },
      action: 'customer.answer_notices_set',
      entityType: 'customer',
      entityId: customer.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { answerNotices },
    });
  });
}
