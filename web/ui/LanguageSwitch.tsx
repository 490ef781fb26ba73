import { LOCALES } from '../../common/errors';
import { useSession } from '../api/session';
import { useI18n } from '../i18n/I18nProvider';

/** RU / UK / EN buttons; the choice is remembered and saved to the profile when signed in. */
export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useSession();
  return (
    <div className={`lang-switch lang-switch--${tone}`} role="group" aria-label={t('lang.label')}>
      {LOCALES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="lang-switch__button"
          aria-pressed={locale === code}
          aria-label={t(`lang.${code}`)}
          title={t(`lang.${code}`)}
          onClick={() => changeLocale(code)}
        >
          {t(`lang.short.${code}`)}
        </button>
      ))}
    </div>
  );
}
