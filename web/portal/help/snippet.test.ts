import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('keeps <mark> highlights and nothing else as markup', () => {
    expect(parseSnippet('Если <mark>кошелёк</mark> <b>заблокирован</b> &amp; <script>x</script>')).toEqual([
      { text: 'Если ', mark: false },
      { text: 'кошелёк', mark: true },
      { text: ' заблокирован & x', mark: false },
    ]);
  });

  it('treats a plain snippet as text', () => {
    expect(parseSnippet('a < b')).toEqual([{ text: 'a < b', mark: false }]);
  });
});
