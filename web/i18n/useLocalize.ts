import { useCallback } from 'react';
import { localize } from '../../common/forms/messages';
import type { L10n } from '../../common/forms/types';
import { useI18n } from './I18nProvider';

/** Picks the interface language's text of an `L10n` value (names, labels, hints from the API). */
export function useLocalize(): (value: L10n) => string {
  const { locale } = useI18n();
  return useCallback((value: L10n) => localize(value, locale), [locale]);
}
