import { useEffect } from 'react';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { Link, navigate } from '../router';
import { Alert } from '../ui/Alert';
import { Brand } from '../ui/Brand';
import { PasswordField, TextField } from '../ui/FormField';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useLoginForm } from '../ui/useLoginForm';

/** Where to go after signing in: the console page the person asked for, else the console. */
function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get('next');
  return next && /^\/console(\/|$)/.test(next) && !next.startsWith('/console/login') ? next : '/console';
}

/** Staff sign-in (e-mail and password). */
export function ConsoleLoginPage() {
  const t = useT();
  const { session } = useSession();
  const form = useLoginForm('staff', () => navigate(nextPath(), { replace: true }));
  const signedInStaff = session.status === 'signed-in' && session.me.kind === 'staff';
  const signedInCustomer = session.status === 'signed-in' && session.me.kind === 'customer';

  useEffect(() => {
    if (signedInStaff) navigate(nextPath(), { replace: true });
  }, [signedInStaff]);

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
          <form className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate>
            {signedInCustomer && <Alert tone="info">{t('console.login.customerSession')}</Alert>}
            {form.formError && <Alert tone="error">{form.formError}</Alert>}
            <TextField
              label={t('console.login.email')}
              name="email"
              type="email"
              autoComplete="username"
              value={form.login}
              onChange={(e) => form.setLogin(e.target.value)}
              error={form.loginError}
              required
            />
            <PasswordField
              label={t('console.login.password')}
              name="password"
              autoComplete="current-password"
              value={form.password}
              onChange={(e) => form.setPassword(e.target.value)}
              error={form.passwordError}
              required
            />
            <button type="submit" className="button button--primary button--block" disabled={form.submitting}>
              {form.submitting ? t('console.login.submitting') : t('console.login.submit')}
            </button>
          </form>
          <Link href="/" className="auth-card__back">
            {t('console.login.toPortal')}
          </Link>
        </div>
      </main>
    </div>
  );
}
