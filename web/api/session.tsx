import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../../common/errors';
import { useI18n } from '../i18n/I18nProvider';
import { fetchMe, login as apiLogin, logout as apiLogout, saveMyLocale } from './auth';
import type { LoginInput, Me } from './auth';

export type SessionState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

type SessionValue = {
  session: SessionState;
  /** Signs in and updates the session; rejects with an ApiError the form shows. */
  signIn: (input: LoginInput) => Promise<Me>;
  /** Signs out; the session becomes anonymous even when the server call fails. */
  signOut: () => Promise<void>;
  /** Asks the server again who is signed in (the realtime socket said the session ended). */
  recheck: () => Promise<void>;
  /** Switches the interface language and saves it in the profile when signed in. */
  changeLocale: (locale: Locale) => void;
};

const SessionContext = createContext<SessionValue | null>(null);

/** Loads `/auth/me` once and shares who is signed in with the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { setLocale, adoptLocale } = useI18n();
  const [session, setSession] = useState<SessionState>({ status: 'loading' });

  const enter = useCallback(
    (me: Me) => {
      // A language picked on this device wins; otherwise follow the profile.
      adoptLocale(me.user.locale);
      setSession({ status: 'signed-in', me });
    },
    [adoptLocale],
  );

  useEffect(() => {
    let cancelled = false;
    fetchMe()
      .then((me) => {
        if (cancelled) return;
        if (me) enter(me);
        else setSession({ status: 'anonymous' });
      })
      .catch(() => {
        // Server unreachable: behave as signed out; the sign-in form reports the error.
        if (!cancelled) setSession({ status: 'anonymous' });
      });
    return () => {
      cancelled = true;
    };
  }, [enter]);

  const signIn = useCallback(
    async (input: LoginInput) => {
      const me = await apiLogin(input);
      enter(me);
      return me;
    },
    [enter],
  );

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      // The cookie may already be gone; the person still expects to be signed out here.
    }
    setSession({ status: 'anonymous' });
  }, []);

  const recheck = useCallback(async () => {
    try {
      const me = await fetchMe();
      if (me) enter(me);
      else setSession({ status: 'anonymous' });
    } catch {
      // Unreachable now: the next request of the page tells.
    }
  }, [enter]);

  const changeLocale = useCallback(
    (locale: Locale) => {
      setLocale(locale);
      if (session.status === 'signed-in') saveMyLocale(locale).catch(() => undefined);
    },
    [setLocale, session.status],
  );

  const value = useMemo(
    () => ({ session, signIn, signOut, recheck, changeLocale }),
    [session, signIn, signOut, recheck, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Who is signed in, and the actions that change it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
