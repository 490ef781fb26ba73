import { useEffect } from 'react';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { Link, navigate, useSearch } from '../router';
import { LoginForm } from '../ui/LoginForm';
import { useLoginForm } from '../ui/useLoginForm';
import { safeNextPath } from './nextPath';

/** Customer sign-in with an e-mail or phone and a password. */
export function CustomerLoginPage() {
  const t = useT();
  const { session } = useSession();
  const next = safeNextPath(useSearch());
  // Signed in here, or already (e.g. /login from a bookmark): one navigation, to where the person was heading.
  const form = useLoginForm('customer', () => undefined);
  const signedInCustomer = session.status === 'signed-in' && session.me.kind === 'customer';
  useEffect(() => {
    if (signedInCustomer) navigate(next, { replace: true });
  }, [signedInCustomer, next]);

  return (
    <div className="container auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{t('portal.login.title')}</h1>
        <p className="auth-card__lead">{t('portal.login.lead')}</p>
        <LoginForm
          form={form}
          labels={{
            login: t('portal.login.login'),
            loginHint: t('portal.login.loginHint'),
            password: t('portal.login.password'),
            submit: t('portal.login.submit'),
            submitting: t('portal.login.submitting'),
          }}
          login={{ name: 'login', inputMode: 'email' }}
        />
        <p className="auth-card__aside">{t('portal.login.noAccount')}</p>
        <Link href="/" className="auth-card__back">
          {t('portal.login.back')}
        </Link>
      </div>
    </div>
  );
}
