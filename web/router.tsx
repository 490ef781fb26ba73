import { useSyncExternalStore } from 'react';
import type { AnchorHTMLAttributes, MouseEvent } from 'react';

// A tiny history-API router: the app has a handful of paths and no nested data loading.
const NAVIGATE_EVENT = 'paydesk:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function getPathname(): string {
  return window.location.pathname;
}

function getSearch(): string {
  return window.location.search;
}

/** The current pathname; re-renders on navigation and on the back/forward buttons. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname, () => '/');
}

/** The current query string (`?a=b` or ''); re-renders like usePathname. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch, () => '');
}

/** One query parameter of the current URL, or null. */
export function useSearchParam(name: string): string | null {
  return new URLSearchParams(useSearch()).get(name);
}

/** Goes to `to` (path, optional #hash) without reloading; `replace` keeps history clean for redirects. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  const hash = new URL(to, window.location.href).hash;
  if (hash) {
    // Let the new page render, then bring the target into view.
    requestAnimationFrame(() => document.getElementById(hash.slice(1))?.scrollIntoView());
  } else if (!options.replace) {
    window.scrollTo(0, 0);
  }
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An `<a>` that navigates in-app for plain left clicks and behaves normally otherwise. */
export function Link({ href, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handleClick} {...rest} />;
}
