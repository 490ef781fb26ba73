import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { PasswordField, TextField } from './fields';
import type { useLoginForm } from './useLoginForm';

type Props = {
  form: ReturnType<typeof useLoginForm>;
  /** Already-translated texts of this form. */
  labels: { login: string; loginHint?: string; password: string; submit: string; submitting: string };
  login: { name: string; type?: 'email' | 'text'; inputMode?: 'email' | 'text' };
  /** Notices shown above the fields. */
  notice?: ReactNode;
};

/** The sign-in form shared by the portal (customers) and the console (staff). */
export function LoginForm({ form, labels, login, notice }: Props) {
  return (
    <form className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate>
      {notice}
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <TextField
        label={labels.login}
        {...(labels.loginHint ? { hint: labels.loginHint } : {})}
        name={login.name}
        {...(login.type ? { type: login.type } : {})}
        {...(login.inputMode ? { inputMode: login.inputMode } : {})}
        autoComplete="username"
        value={form.login}
        onChange={(e) => form.setLogin(e.target.value)}
        error={form.loginError}
        required
      />
      <PasswordField
        label={labels.password}
        name="password"
        autoComplete="current-password"
        value={form.password}
        onChange={(e) => form.setPassword(e.target.value)}
        error={form.passwordError}
        required
      />
      <button type="submit" className="button button--primary button--block" disabled={form.submitting}>
        {form.submitting ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
