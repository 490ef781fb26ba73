import { asLocale } from '../../platform/locale';
import type { AuthState } from '../../platform/auth/sessions';
import type { MeResponse } from './auth.schema';

/** The signed-in person as the client sees them: no hashes, no counters. */
export function presentMe(auth: AuthState): MeResponse {
  const { user, session } = auth;
  return {
    kind: user.kind,
    user: {
      id: user.id,
      email: user.email,
      phone: user.phone,
      name: user.name,
      roles: [...user.roles],
      locale: asLocale(user.locale),
      ...(user.kind === 'customer'
        ? { priority: user.priority, replyChannel: user.replyChannel, answerNotices: user.answerNotices }
        : {}),
    },
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt.toISOString(),
  };
}
