export type SnippetPart = { text: string; mark: boolean };

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

function plain(html: string): string {
  // Any tag other than <mark> is dropped; entities are decoded; React escapes the result.
  return html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);
}

/**
 * Splits a search snippet into plain and highlighted parts. The server marks matches with
 * `<mark>…</mark>`; nothing else from it is ever treated as markup.
 */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/gi;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: plain(snippet.slice(last, m.index)), mark: false });
    parts.push({ text: plain(m[1] ?? ''), mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: plain(snippet.slice(last)), mark: false });
  return parts.filter((p) => p.text !== '');
}
