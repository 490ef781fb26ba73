import MarkdownIt from 'markdown-it';
import { isSafeHref } from '../../common/links';

// Knowledge-base and wiki bodies are Markdown, read by markdown-it: headings, paragraphs,
// lists, emphasis, code, quotes and links. Raw HTML in a body is shown as text (html: false),
// links must be http(s), mailto, tel or the site's own paths, and the Markdown component
// passes the result through DOMPurify before it reaches the page.

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
md.disable(['image', 'table']);
// The one rule of safe link targets (common/links.ts): no protocol-relative or `/\host` paths.
md.validateLink = (url) => isSafeHref(url.trim());

// An article sits under the page's own h1/h2: its headings start at h3 (#, ## → h3; deeper → h4).
md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token) token.tag = Number(token.tag.slice(1)) <= 2 ? 'h3' : 'h4';
  return self.renderToken(tokens, idx, options);
};
md.renderer.rules.heading_close = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (token) token.tag = Number(token.tag.slice(1)) <= 2 ? 'h3' : 'h4';
  return self.renderToken(tokens, idx, options);
};

// Links off the site open in a new tab without access to this one.
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  const href = String(token?.attrGet('href') ?? '');
  if (token && /^(https?:)?\/\//i.test(href)) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, idx, options);
};

/** The HTML of a Markdown body (not yet sanitised: the Markdown component does that). */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
