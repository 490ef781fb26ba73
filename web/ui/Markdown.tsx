import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import type { MouseEvent } from 'react';
import { navigate } from '../router';
import { renderMarkdown } from './markdown';

/** Plain left clicks on the site's own links navigate in the app; the rest behave as links do. */
function followInApp(event: MouseEvent<HTMLDivElement>) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element).closest('a');
  const href = link?.getAttribute('href');
  if (!href || !href.startsWith('/') || href.startsWith('//') || link?.target) return;
  event.preventDefault();
  navigate(href);
}

/** Renders a knowledge-base or wiki Markdown body (markdown-it, then DOMPurify). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => DOMPurify.sanitize(renderMarkdown(source), { ADD_ATTR: ['target'] }), [source]);
  return (
    // The click handler only routes clicks on the links inside (keyboard Enter on a link clicks it too).
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      onClick={followInApp}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
