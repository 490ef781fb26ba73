/**
 * The portal page to return to after signing in, from `?next=`: only same-site portal paths
 * (no other origin, no `//host`, no console, not the sign-in page itself); else '/'.
 */
export function safeNextPath(search: string, origin: string = window.location.origin): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin) return '/';
  const path = url.pathname;
  if (path === '/console' || path.startsWith('/console/') || path === '/login' || path.startsWith('/api/')) return '/';
  return path + url.search + url.hash;
}
