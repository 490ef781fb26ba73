import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import type { LinkProps as RouterLinkProps } from 'react-router';

// Navigation is react-router's (data mode, `web/routes.tsx`); these are its hooks under the
// names the pages use, and `navigate()` for event handlers and effects.

type NavigateFn = (to: string, options?: { replace?: boolean }) => void;
let navigateTo: NavigateFn = (to, options) => {
  // Before the router is bound (never in the app; in unit tests of pure helpers).
  if (options?.replace) window.location.replace(to);
  else window.location.assign(to);
};

/** Lets `navigate()` use the app's router (called once by routes.tsx). */
export function bindNavigate(fn: NavigateFn): void {
  navigateTo = fn;
}

/** Goes to `to` (path, query, #hash) in the app; `replace` keeps history clean for redirects. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  navigateTo(to, options);
}

/** The current pathname; re-renders on navigation and on the back/forward buttons. */
export function usePathname(): string {
  return useLocation().pathname;
}

/** The current query string (`?a=b` or ''). */
export function useSearch(): string {
  return useLocation().search;
}

/** One query parameter of the current URL, or null. */
export function useSearchParam(name: string): string | null {
  const [params] = useSearchParams();
  return params.get(name);
}

type LinkProps = Omit<RouterLinkProps, 'to'> & { href: string };

/** react-router's Link, written with `href` like the `<a>` it renders. */
export function Link({ href, ...rest }: LinkProps) {
  return <RouterLink to={href} {...rest} />;
}
