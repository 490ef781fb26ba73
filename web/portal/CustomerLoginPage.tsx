import { useEffect } from 'react';
import { useSession } from '../api/session';
import { useT } from '../i18n/I18nProvider';
import { Link, navigate } from '../router';
import { Alert } from '../ui/Alert';
import { PasswordField, TextField } from '../ui/FormField';
import { useLoginForm } from '../ui/useLoginForm';

/** Customer sign-in with an e-mail or phone and a password. */
export function CustomerLoginPage() {
  const t = useT();
  const { session } = useSession();
  const form = useLoginForm('customer', () => navigate('/'));

  // Already signed in (e.g. opened /login from a bookmark): nothing to do here.
  useEffect(() => {
    if (session.status === 'signed-in') navigate('/', { replace: true });
  }, [session.status]);

  return (
    <div className="container auth-page">
      <div className="auth-card">
        <h1 className="auth-card__title">{t('portal.login.title')}</h1>
        <p className="auth-card__lead">{t('portal.login.lead')}</p>
        <form className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate>
          {form.formError && <Alert tone="error">{form.formError}</Alert>}
          <TextField
            label={t('portal.login.login')}
            hint={t('portal.login.loginHint')}
            name="login"
            autoComplete="username"
            inputMode="email"
            value={form.login}
            onChange={(e) => form.setLogin(e.target.value)}
            error={form.loginError}
            required
          />
          <PasswordField
            label={t('portal.login.password')}
            name="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => form.setPassword(e.target.value)}
            error={form.passwordError}
            required
          />
          <button type="submit" className="button button--primary button--block" disabled={form.submitting}>
            {form.submitting ? t('portal.login.submitting') : t('portal.login.submit')}
          </button>
        </form>
        <p className="auth-card__aside">{t('portal.login.noAccount')}</p>
        <Link href="/" className="auth-card__back">
          {t('portal.login.back')}
        </Link>
      </div>
    </div>
  );
}
