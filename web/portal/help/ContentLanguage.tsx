import type { Locale } from '../../../common/errors';
import type { MessageKey } from '../../i18n/catalogues';
import { useI18n } from '../../i18n/I18nProvider';

const ONLY_IN: Record<Locale, MessageKey> = { ru: 'help.onlyIn.ru', uk: 'help.onlyIn.uk', en: 'help.onlyIn.en' };
const IN: Record<Locale, MessageKey> = { ru: 'help.in.ru', uk: 'help.in.uk', en: 'help.in.en' };

/**
 * «Russian only», in the reader's language, beside content that has no variant in it; nothing
 * when the content is in the reader's language. The Russian parts themselves carry `lang="ru"`.
 */
export function OnlyInMark({ locale }: { locale: string }) {
  const { t, locale: reader } = useI18n();
  if (locale === reader || !(locale in ONLY_IN)) return null;
  return <span className="badge only-in">{t(ONLY_IN[locale as Locale])}</span>;
}

/**
 * «in Russian», in the reader's language, beside a search hit or a consultant's link in another
 * language than the reader's: a Russian variant found for them, which may also exist in theirs
 * (a query typed in Russian finds the Russian variant when it does not match theirs).
 */
export function InLanguageMark({ locale }: { locale: string }) {
  const { t, locale: reader } = useI18n();
  if (locale === reader || !(locale in IN)) return null;
  return <span className="badge only-in">{t(IN[locale as Locale])}</span>;
}

/**
 * The attribute of a block (a list item, an article) whose content is in another language than
 * the reader's: it names that language, and the languages journey checks the block carries the mark.
 */
export function contentLang(locale: string, reader: string): { 'data-content-lang'?: string } {
  return locale === reader ? {} : { 'data-content-lang': locale };
}
