import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, invalidFields } from '../api/client';
import type { Me, SessionKind } from '../api/auth';
import { useSession } from '../api/session';
import type { MessageKey } from '../i18n/catalogues';
import { useT } from '../i18n/I18nProvider';
import { describeError } from './errorMessage';

type FieldErrorKeys = { login: MessageKey | null; password: MessageKey | null };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{6,20}$/;

function loginProblem(kind: SessionKind, value: string): MessageKey | null {
  if (!value) return 'form.required';
  if (kind === 'staff') return EMAIL.test(value) ? null : 'form.emailInvalid';
  return EMAIL.test(value) || PHONE.test(value) ? null : 'form.loginInvalid';
}

/**
 * State and submit logic of a sign-in form. Staff sign in with an e-mail; customers
 * with an e-mail or a phone. Messages are kept as catalogue keys / errors and
 * translated at render time, so switching the language re-translates them.
 */
export function useLoginForm(kind: SessionKind, onSignedIn: (me: Me) => void) {
  const t = useT();
  const { signIn } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [fieldKeys, setFieldKeys] = useState<FieldErrorKeys>({ login: null, password: null });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const keys: FieldErrorKeys = {
      login: loginProblem(kind, login.trim()),
      password: password ? null : 'form.required',
    };
    setFieldKeys(keys);
    setFailure(null);
    if (keys.login || keys.password) return;

    setSubmitting(true);
    try {
      const me = await signIn({ kind, login: login.trim(), password });
      onSignedIn(me);
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        const fields = invalidFields(error);
        setFieldKeys({
          login: fields.includes('login') ? 'form.invalid' : null,
          password: fields.includes('password') ? 'form.invalid' : null,
        });
      }
      if (error instanceof ApiError && error.code === 'AUTH_INVALID_CREDENTIALS') setPassword('');
    } finally {
      setSubmitting(false);
    }
  };

  return {
    login,
    setLogin,
    password,
    setPassword,
    submitting,
    formError: failure === null ? null : describeError(failure, t),
    loginError: fieldKeys.login && t(fieldKeys.login),
    passwordError: fieldKeys.password && t(fieldKeys.password),
    onSubmit,
  };
}
