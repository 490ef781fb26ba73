import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import type { AuthState, AuthUser } from './sessions';

type Staff = Extract<AuthUser, { kind: 'staff' }>;
type Customer = Extract<AuthUser, { kind: 'customer' }>;

/** The signed-in person, or AUTH_REQUIRED / AUTH_SESSION_EXPIRED. */
export function requireAuth(request: FastifyRequest): AuthState {
  if (request.auth) return request.auth;
  throw new AppError(request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
}

/**
 * The staff member calling. Which roles a route needs is declared in its options
 * (`config: { staff: [...] }`, access.ts) and checked before validation, not here.
 */
export function requireStaff(request: FastifyRequest): Staff {
  const { user } = requireAuth(request);
  if (user.kind !== 'staff') throw new AppError('FORBIDDEN');
  return user;
}

export function requireCustomer(request: FastifyRequest): Customer {
  const { user } = requireAuth(request);
  if (user.kind !== 'customer') throw new AppError('FORBIDDEN');
  return user;
}
