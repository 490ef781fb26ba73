import { describe, expect, it } from 'vitest';
import { expandSynonyms, fold, highlight, normalize, stems, stemWord, tokenize } from './kb.text';

describe('normalisation', () => {
  it('lower-cases, folds ё into е, drops apostrophes and punctuation', () => {
    expect(normalize('Кошелёк ЗАБЛОКИРОВАН!')).toBe('кошелек заблокирован');
    expect(normalize("Зв'язок — SMS-код")).toBe('звязок sms код');
    expect(tokenize('  a,b  ')).toEqual(['a', 'b']);
  });
});

describe('stemming', () => {
  it('brings Russian forms together, fleeting vowels included', () => {
    expect(stemWord('кошелька', 'ru')).toBe(stemWord('кошелек', 'ru'));
    expect(stemWord('кошельком', 'ru')).toBe(stemWord('кошелёк', 'ru'));
    expect(stemWord('заблокирован', 'ru')).toBe(stemWord('заблокировано', 'ru'));
  });
  it('brings Ukrainian forms together', () => {
    expect(stemWord('гаманця', 'uk')).toBe(stemWord('гаманець', 'uk'));
    expect(stemWord('гаманцем', 'uk')).toBe(stemWord('гаманець', 'uk'));
    expect(stemWord('картку', 'uk')).toBe(stemWord('картка', 'uk'));
  });
  it('uses the Ukrainian stemmer for words with і/ї/є/ґ even in a Russian text', () => {
    expect(stemWord('гривні', 'ru')).toBe(stemWord('гривні', 'uk'));
  });
  it('drops stop words', () => {
    expect(stems('не пришла смс на мой телефон', 'ru')).toEqual([stemWord('пришла', 'ru'), 'смс', stemWord('телефон', 'ru')]);
  });
  it('folds only a vowel between two final consonants', () => {
    expect(fold('кошелек')).toBe('кошелк');
    expect(fold('гаманц')).toBe('гаманц');
    expect(fold('кот')).toBe('кот');
  });
});

describe('synonyms', () => {
  const groups = [
    ['кошелек', 'киви'],
    ['деньги', 'бабки'],
    ['живой человек', 'оператор'],
  ];
  it('adds the group of each word, matched by stem', () => {
    expect(expandSynonyms(['киви', 'заблокировали'], groups, 'ru')).toEqual([['киви', 'кошелек'], ['заблокировали']]);
    expect(expandSynonyms(['бабками'], groups, 'ru')).toEqual([['бабками', 'деньги', 'бабки']]);
  });
  it('matches two-word phrases', () => {
    const [a] = expandSynonyms(['живой', 'человек'], groups, 'ru');
    expect(a).toContain('оператор');
  });
});

describe('highlights', () => {
  it('marks matched words and escapes everything else', () => {
    const marks = new Set([stemWord('кошелек', 'ru')]);
    expect(highlight('Кошелёк <b>заблокирован</b> & кошелька нет', marks, 'ru')).toBe(
      '<mark>Кошелёк</mark> &lt;b&gt;заблокирован&lt;/b&gt; &amp; <mark>кошелька</mark> нет',
    );
  });
  it('marks words starting with an unfinished last word', () => {
    expect(highlight('Блокировка кошелька', new Set(), 'ru', ['блок'])).toBe('<mark>Блокировка</mark> кошелька');
  });
});
