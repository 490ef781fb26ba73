import { useEffect, useState } from 'react';
import type { Locale } from '../../../common/errors';
import { searchArticles } from '../../api/requests';
import type { SearchHit } from '../../api/requests';

export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_DELAY_MS = 350;

/** Articles matching what the customer types, searched once they pause typing. */
export function useArticleSearch(query: string, locale: Locale): { hits: SearchHit[]; searching: boolean } {
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const q = query.trim();
  const active = q.length >= SEARCH_MIN_LENGTH;

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchArticles(q, locale, controller.signal).then(
        (hits) => setResult({ query: q, hits }),
        () => {
          // Suggestions are a convenience: a failed search just shows none.
          if (!controller.signal.aborted) setResult({ query: q, hits: [] });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, active, locale]);

  if (!active) return { hits: [], searching: false };
  return { hits: result.hits, searching: result.query !== q };
}
