import { useEffect } from 'react';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { Link, navigate, useSearch } from '../router';
import { Alert } from '../ui/Alert';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { LoginForm } from '../ui/LoginForm';
import { useLoginForm } from '../ui/useLoginForm';

/** Where to go after signing in: the console page the person asked for, else the console. */
function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && /^\/console(\/|$)/.test(next) && !next.startsWith('/console/login') ? next : '/console';
}

/** Staff sign-in (e-mail and password). */
export function ConsoleLoginPage() {
  const t = useT();
  const { session } = useSession();
  const next = nextPath(useSearch());
  // Signed in here, or already: one navigation (the effect), to the page the person asked for.
  const form = useLoginForm('staff', () => undefined);
  const signedInStaff = session.status === 'signed-in' && session.me.kind === 'staff';
  const signedInCustomer = session.status === 'signed-in' && session.me.kind === 'customer';

  useEffect(() => {
    if (signedInStaff) navigate(next, { replace: true });
  }, [signedInStaff, next]);

  return (
    <div className="console-login">
      <header className="console-login__bar">
        <Brand href="/console/login" label={t('console.homeLink')} />
        <LanguageSwitch />
      </header>
      <main id="main" className="console-login__main">
        <div className="auth-card">
          <h1 className="auth-card__title">{t('console.login.title')}</h1>
          <p className="auth-card__lead">{t('console.login.lead')}</p>
          <LoginForm
            form={form}
            labels={{
              login: t('console.login.email'),
              password: t('console.login.password'),
              submit: t('console.login.submit'),
              submitting: t('console.login.submitting'),
            }}
            login={{ name: 'email', type: 'email' }}
            notice={signedInCustomer && <Alert tone="info">{t('console.login.customerSession')}</Alert>}
          />
          <Link href="/" className="auth-card__back">
            {t('console.login.toPortal')}
          </Link>
        </div>
      </main>
    </div>
  );
}
