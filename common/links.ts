/**
 * Which link targets a Markdown body may have (help-centre and wiki bodies, rendered in the
 * browser): http(s), mailto, tel, in-page anchors and the site's own paths. A "site path" that
 * a browser reads as another host is refused: protocol-relative `//evil`, and `/\evil` (browsers
 * treat `\` as `/`), also when the backslash arrives percent-encoded (`/%5Cevil`, as markdown-it
 * passes it on) or after spaces and control characters.
 */
export function isSafeHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  const controls = /[\u0000-\u001f]/;
  const url = href.trimStart();
  if (controls.test(url)) return false;
  if (/^\/([/\\]|%5c|%2f)/i.test(url)) return false;
  return /^(https?:\/\/|mailto:|tel:|\/|#)/i.test(url);
}

/**
 * The first link target of a Markdown body that `isSafeHref` refuses (inline `[x](target)` and
 * reference definitions `[x]: target`), or null: the server refuses such a body when it is saved,
 * the browser renders such a link as text.
 */
export function findUnsafeMarkdownLink(source: string): string | null {
  const targets = [
    ...source.matchAll(/\]\(\s*<?([^\s)>]+)/g),
    ...source.matchAll(/^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)/gm),
  ].map((m) => m[1] ?? '');
  return targets.find((t) => !isSafeHref(t) && /^[/\\]|^[a-z][\w+.-]*:/i.test(t)) ?? null;
}
