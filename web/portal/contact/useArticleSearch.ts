import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../common/errors';
import { searchArticles } from '../../api/requests';
import type { SearchHit } from '../../api/requests';
import { useDebouncedValue } from '../../ui/useDebouncedValue';

export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_DELAY_MS = 350;

const NONE: SearchHit[] = [];

/** Articles matching what the customer types, searched once they pause typing. */
export function useArticleSearch(query: string, locale: Locale): { hits: SearchHit[]; searching: boolean } {
  const q = query.trim();
  const active = q.length >= SEARCH_MIN_LENGTH;
  const settled = useDebouncedValue(q, SEARCH_DELAY_MS);
  const search = useQuery({
    queryKey: ['portal.articleSearch', settled, locale],
    queryFn: ({ signal }) => searchArticles(settled, locale, signal),
    enabled: active && settled === q,
    // Suggestions are a convenience: a failed search just shows none, at once.
    retry: false,
    staleTime: 60_000,
  });
  if (!active) return { hits: NONE, searching: false };
  const done = settled === q && (search.isSuccess || search.isError);
  return { hits: search.data ?? NONE, searching: !done };
}
