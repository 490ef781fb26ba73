import { describe, expect, it } from 'vitest';
import { withImplied } from './kb.intent';
import { isStopWord, stemWord, tokenize } from './kb.text';

/** The query's groups as parseQuery builds them (each word its own stem), with what the words imply. */
function implied(q: string, locale: 'ru' | 'uk' = 'ru'): Map<string, string[]> {
  const tokens = tokenize(q);
  const words = [...new Set(tokens.filter((w) => !isStopWord(w)))];
  const groups = withImplied(
    tokens,
    words,
    words.map((w) => [stemWord(w, locale)]),
  );
  return new Map(words.map((w, i) => [w, groups[i]!]));
}

describe('what customers describe, read as the articles name it', () => {
  it('a denied action also matches «без моего ведома» (ru and uk)', () => {
    expect(implied('списали деньги, а я ничего не покупал').get('покупал')).toContain(stemWord('ведома', 'ru'));
    expect(implied('прийшло смс про оплату, якої я не робила', 'uk').get('робила')).toContain(stemWord('відома', 'uk'));
  });

  it('leaves a sign-in problem and an action not denied alone', () => {
    expect(implied('кошелек не входит, пишет ошибку').get('входит')).toEqual([stemWord('входит', 'ru')]);
    expect(implied('я покупал билет и деньги списали').get('покупал')).toEqual([stemWord('покупал', 'ru')]);
  });

  it('what the customer wants to prevent also matches «защитить»', () => {
    expect(implied('что делать чтобы не взломали кошелек').get('взломали')).toContain(stemWord('защитить', 'ru'));
    expect(implied('не взломали ли мой кошелек').get('взломали')).not.toContain(stemWord('защитить', 'ru'));
  });
});
