import type { Account } from './auth.repo';

/** Who may open a session: an active account with a password (guests have none). */
export function canSignIn(account: Account): boolean {
  return account.active && account.passwordHash !== null;
}
