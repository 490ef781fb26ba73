import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A random, httpOnly id of an anonymous browser: one vote per visitor, views counted once. */
export const VISITOR_COOKIE = 'pd_visitor';
const VISITOR_RE = /^[\w-]{16,64}$/;

const hash = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

export type Viewer = {
  /** Who votes: the signed-in customer, else the visitor cookie. */
  voterKey: string;
  /** Every key a view is deduplicated by (visitor or customer, and the address). */
  viewKeys: string[];
  customerId: string | null;
};

/**
 * The visitor's identity for votes and views; sets the visitor cookie when the browser has none.
 * Keys are hashes: the tables never hold an address or a cookie in clear.
 */
export function identifyViewer(request: FastifyRequest, reply: FastifyReply): Viewer {
  let visitor = request.cookies[VISITOR_COOKIE];
  if (!visitor || !VISITOR_RE.test(visitor)) {
    visitor = randomBytes(18).toString('base64url');
    void reply.setCookie(VISITOR_COOKIE, visitor, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: 365 * 24 * 3600,
    });
  }
  const user = request.auth?.user;
  const customerId = user?.kind === 'customer' ? user.id : null;
  const voterKey = customerId ? `c:${customerId}` : `v:${hash(visitor)}`;
  return { voterKey, viewKeys: [voterKey, `ip:${hash(request.ip)}`], customerId };
}
