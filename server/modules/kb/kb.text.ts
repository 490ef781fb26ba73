/**
 * Text of the help-centre search, done in the app so that the index and the queries are
 * treated alike: normalisation (lower case, ё = е, ґ kept), tokens, stemming (Ukrainian and
 * Russian Snowball from @orama/stemmers, then fleeting vowels and the soft sign folded, so
 * кошелёк / кошелька and гаманець / гаманця meet), stop words, synonym expansion and highlights.
 */
import { stemmer as russianStemmer } from '@orama/stemmers/russian';
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';
import type { Locale } from '../../../common/errors';

/** Lower case, ё → е, apostrophes of Ukrainian words dropped, anything but letters and digits → space. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’'ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, normalised; at most `max` of them. */
export function tokenize(text: string, max = 2_000): string[] {
  const n = normalize(text);
  if (!n) return [];
  const words = n.split(' ');
  return words.length > max ? words.slice(0, max) : words;
}

const STOP = new Set(
  [
    // ru
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между мой мою мои моего моей что-то это',
    // uk
    'і й та але або що як це цей ця ці той та ті на в у з із зі до від для по про при за над під без через не ні так ще вже є був була було були буде бути мені мене мій моя моє мої ми ви він вона воно вони їх його її нас вас їм їй тут там коли якщо чи ж би лише тільки можна треба',
    // ru, what customers add around a question: greetings, pleas, time words, fillers
    'здравствуйте здрасте здрасьте привет добрый доброе доброго день вечер утро помогите помогите пожалуйста пожалуйста пожалуста плиз плз срочно срочно подскажите скажите подскажите почему зачем делать сделать вообще очень просто вчера сегодня ещё ваш вашей вашего ваши спасибо ребята вопрос проблема что-то какие какой-то какая-то какие-то кто-то такое щас сейчас уже опять снова',
    // uk, the same
    'вітаю привіт добрий доброго день вечір ранку допоможіть будь ласка терміново підкажіть скажіть чому навіщо робити зробити дуже просто вчора сьогодні ваш ваша вашого ваші дякую питання проблема щось хтось зараз знову якийсь якась',
    // en
    'a an the and or but of to in on at for with by from is are was were be been it its this that my me i you we they he she not no do does did can could will would should have has had',
  ]
    .join(' ')
    .split(' '),
);

export const isStopWord = (word: string): boolean => STOP.has(word);

const UK_LETTERS = /[іїєґ]/;

/** Stems already computed (Snowball is the costly part of indexing, parsing and highlighting); bounded. */
const stemMemo = new Map<string, string>();
const STEM_MEMO_MAX = 200_000;

/** Which stemmer a word gets: Ukrainian for Ukrainian texts and for words with і/ї/є/ґ, Latin words as they are. */
function stemOne(word: string, locale: Locale): string {
  const key = locale === 'uk' ? `u${word}` : `r${word}`;
  let stem = stemMemo.get(key);
  if (stem === undefined) {
    if (stemMemo.size >= STEM_MEMO_MAX) stemMemo.clear();
    stemMemo.set(key, (stem = stemUncached(word, locale)));
  }
  return stem;
}

function stemUncached(word: string, locale: Locale): string {
  if (/^[\p{N}]+$/u.test(word) || word.length < 3) return word;
  if (!/[а-яіїєґ]/.test(word)) return word.length > 4 ? word.replace(/(ing|ed|es|s)$/, '') : word;
  const stemmed = locale === 'uk' || UK_LETTERS.test(word) ? ukrainianStemmer(word) : russianStemmer(word);
  return fold(stemmed || word);
}

/**
 * Folds what Snowball leaves apart: the soft sign and й, fleeting е/о before the last consonant
 * (кошелек → кошелк = кошельк → кошелк; гаманец → гаманц), and the Ukrainian и/і spellings.
 */
export function fold(stem: string): string {
  let s = stem.replace(/[ьй]/g, '').replace(/і/g, 'и').replace(/ї/g, 'и').replace(/є/g, 'е').replace(/ґ/g, 'г');
  if (s.length >= 5) s = s.replace(/([^аеиоуыэюя])[ео]([^аеиоуыэюя])$/, '$1$2');
  return s;
}

/** Stems of the content words of a text (stop words dropped), in order, duplicates kept. */
export function stems(text: string, locale: Locale): string[] {
  return tokenize(text)
    .filter((w) => !STOP.has(w))
    .map((w) => stemOne(w, locale));
}

export function stemWord(word: string, locale: Locale): string {
  return stemOne(normalize(word), locale);
}

/** Synonym groups: each a list of normalised words or phrases meaning the same to customers. */
export type SynonymGroup = string[];

const synonymIndexes = new WeakMap<SynonymGroup[], Map<Locale, Map<string, Set<string>>>>();

/** Stems of each term (one, or two words as "a b") → every term of its groups; kept per list of groups and locale. */
function synonymIndex(groups: SynonymGroup[], locale: Locale): Map<string, Set<string>> {
  let byLocale = synonymIndexes.get(groups);
  if (!byLocale) synonymIndexes.set(groups, (byLocale = new Map()));
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const stemsOf = (term: string) =>
    tokenize(term)
      .map((w) => stemOne(w, locale))
      .join(' ');
  const index = new Map<string, Set<string>>();
  for (const group of groups) {
    const keys = group.map(stemsOf);
    for (const key of keys) {
      const set = index.get(key) ?? new Set<string>();
      for (const term of group) set.add(term);
      index.set(key, set);
    }
  }
  byLocale.set(locale, index);
  return index;
}

/**
 * For each content word of the query, the alternatives to search for: the word itself and every
 * term of a synonym group that one of the query's words (or two-word phrases) belongs to.
 * Matching is by stem, so "кошелька" finds the group of "кошелек".
 */
export function expandSynonyms(words: string[], groups: SynonymGroup[], locale: Locale): string[][] {
  const index = synonymIndex(groups, locale);
  const wordStems = words.map((w) => stemOne(w, locale));
  return words.map((word, i) => {
    const out = new Set<string>([word]);
    const single = index.get(wordStems[i]!);
    if (single) for (const t of single) out.add(t);
    const pair = i + 1 < words.length ? index.get(`${wordStems[i]} ${wordStems[i + 1]}`) : undefined;
    const prev = i > 0 ? index.get(`${wordStems[i - 1]} ${wordStems[i]}`) : undefined;
    for (const set of [pair, prev]) if (set) for (const t of set) out.add(t);
    return [...out];
  });
}

const escapeHtml = (s: string) =>
  /[&<>"]/.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : s;

/** A text cut into words (escaped, normalised, stemmed) and what lies between them (escaped). */
type Segments = { gaps: string[]; words: Array<{ html: string; n: string; stem: string }> };
const segmentMemo = new Map<string, Segments>();
const SEGMENT_MEMO_MAX = 20_000;

/** Snippets repeat (the same short answers come back for many queries): their words are cut and stemmed once. */
function segments(text: string, locale: Locale): Segments {
  const key = `${locale}:${text}`;
  let seg = segmentMemo.get(key);
  if (seg) return seg;
  seg = { gaps: [], words: [] };
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}’'ʼ]+/gu)) {
    const word = match[0];
    const n = normalize(word);
    seg.gaps.push(escapeHtml(text.slice(last, match.index)));
    seg.words.push({ html: escapeHtml(word), n, stem: stemOne(n, locale) });
    last = match.index + word.length;
  }
  seg.gaps.push(escapeHtml(text.slice(last)));
  if (segmentMemo.size >= SEGMENT_MEMO_MAX) segmentMemo.clear();
  segmentMemo.set(key, seg);
  return seg;
}

/**
 * `text` with the words whose stem is among `queryStems` (or starts with one of the prefixes)
 * wrapped in <mark>; everything else HTML-escaped, so the result holds no markup but <mark>.
 */
export function highlight(text: string, queryStems: Set<string>, locale: Locale, prefixes: string[] = []): string {
  if (queryStems.size === 0 && prefixes.length === 0) return escapeHtml(text);
  const { gaps, words } = segments(text, locale);
  let out = gaps[0]!;
  for (let i = 0; i < words.length; i++) {
    const { html, n, stem } = words[i]!;
    const hit = stem.length >= 2 && (queryStems.has(stem) || prefixes.some((p) => p.length >= 3 && n.startsWith(p)));
    out += (hit ? `<mark>${html}</mark>` : html) + gaps[i + 1]!;
  }
  return out;
}

/** Cuts a text to about `max` characters at a word boundary. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:—-]+$/, '')}…`;
}
