import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale } from '../../common/errors';
import { translate } from './catalogues';
import type { MessageKey, MessageParams } from './catalogues';
import { DEFAULT_LOCALE, applyDocumentLocale, persistLocale, readChosenLocale } from './locale';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

type I18nValue = {
  locale: Locale;
  /** True when the person picked the locale on this device (it then wins over the profile). */
  chosen: boolean;
  /** Switches the language and remembers the choice. */
  setLocale: (locale: Locale) => void;
  /** Adopts a locale (e.g. from the profile) without marking it as the person's choice. */
  adoptLocale: (locale: Locale) => void;
  t: Translate;
};

const I18nContext = createContext<I18nValue | null>(null);

/** Provides the current locale and `t()` to the tree. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(() => {
    const chosen = readChosenLocale();
    return { locale: chosen ?? DEFAULT_LOCALE, chosen: chosen !== null };
  });

  useEffect(() => applyDocumentLocale(state.locale), [state.locale]);

  const setLocale = useCallback((locale: Locale) => {
    persistLocale(locale);
    setState({ locale, chosen: true });
  }, []);

  const adoptLocale = useCallback((locale: Locale) => {
    setState((prev) => (prev.chosen ? prev : { locale, chosen: false }));
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      locale: state.locale,
      chosen: state.chosen,
      setLocale,
      adoptLocale,
      t: (key, params) => translate(state.locale, key, params),
    }),
    [state, setLocale, adoptLocale],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The locale, its setters and `t()`. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Shorthand for components that only translate. */
export function useT(): Translate {
  return useI18n().t;
}
