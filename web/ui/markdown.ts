// A deliberately small Markdown reader for knowledge-base bodies: headings, paragraphs,
// lists, bold, italics, inline code and links. It builds a tree the Markdown component
// renders with React elements, so no HTML from an article ever reaches the DOM as markup.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'br' };

export type Block =
  | { kind: 'heading'; level: 3 | 4; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
const INLINE = /(\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|_([^_\s][^_]*)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\))/;

/** Parses the inline markup of one block's text; single newlines become line breaks. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pushText = (value: string) => {
    const lines = value.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ kind: 'br' });
      if (line) out.push({ kind: 'text', text: line });
    });
  };
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      pushText(rest);
      break;
    }
    if (match.index > 0) pushText(rest.slice(0, match.index));
    const [whole, , strongA, strongB, emA, emB, code, label, href] = match;
    if (strongA ?? strongB) out.push({ kind: 'strong', children: parseInline(strongA ?? strongB ?? '') });
    else if (emA ?? emB) out.push({ kind: 'em', children: parseInline(emA ?? emB ?? '') });
    else if (code) out.push({ kind: 'code', text: code });
    else if (label && href && SAFE_HREF.test(href)) out.push({ kind: 'link', href, children: parseInline(label) });
    else pushText(label ?? whole);
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

/** Splits a Markdown text into blocks. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    if (!line.trim()) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: (heading[1] ?? '').length <= 2 ? 3 : 4, children: parseInline(heading[2] ?? '') });
    } else if (item) {
      const ordered = /\d/.test(item[1] ?? '');
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[2] ?? '');
    } else if (list && /^\s+/.test(raw) && list.items.length) {
      // A continuation line of the last item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
