import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { suggestKb, type KbSuggestion } from '../../api/kb';
import { useI18n } from '../../i18n/I18nProvider';
import { Link, navigate } from '../../router';
import { TextField } from '../../ui/fields';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { articleHref, searchHref } from './helpPaths';

const SUGGEST_MIN = 2;
const SUGGEST_DELAY_MS = 200;

/** The help centre's search box: suggestions as the customer types, Enter for the full results. */
export function SearchBox({ base, initial = '', autoFocus = false }: { base: string; initial?: string; autoFocus?: boolean }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState(initial);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const query = q.trim();
  const settled = useDebouncedValue(query, SUGGEST_DELAY_MS);
  const suggestions = useQuery({
    queryKey: ['help.suggest', settled, locale],
    queryFn: ({ signal }) => suggestKb(settled, locale, signal),
    enabled: settled.length >= SUGGEST_MIN,
    // Suggestions are a convenience: a failure shows none, the search still works.
    retry: false,
    staleTime: 60_000,
  });

  const shown: KbSuggestion[] = open && query.length >= SUGGEST_MIN && settled === query ? (suggestions.data ?? []) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.length === 0) return;
    setOpen(false);
    navigate(searchHref(base, query));
  };

  return (
    <form className="help-search" role="search" onSubmit={submit}>
      <div className="help-search__row">
        <TextField
          look="bare"
          inputClassName="help-search__input"
          id={`${listId}-input`}
          label={t('help.search.label')}
          type="search"
          name="q"
          value={q}
          maxLength={200}
          autoComplete="off"
          // The home page exists to search; elsewhere the box is secondary.
          autoFocus={autoFocus}
          placeholder={t('help.search.placeholder')}
          aria-controls={shown.length ? listId : undefined}
          onChange={(e) => {
            setQ(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        />
        <button type="submit" className="button button--primary help-search__submit">
          {t('help.search.submit')}
        </button>
      </div>
      {shown.length > 0 && (
        <ul id={listId} className="help-search__suggestions" aria-label={t('help.search.suggestions')}>
          {shown.map((s) => (
            <li key={s.slug}>
              <Link href={articleHref(base, s.slug)} className="help-search__suggestion" onClick={() => setOpen(false)}>
                {s.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
