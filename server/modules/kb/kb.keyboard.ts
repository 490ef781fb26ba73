/**
 * Words typed in the wrong keyboard layout or in Latin letters: "pf,kjrbhjdfkb" is
 * «заблокировали» typed with the English layout on, "zablokirovali" the same word in
 * transliteration, "ыьы" is "sms" typed with the Russian layout on. Each gives candidates; the
 * search keeps a candidate only when the help centre knows the word (see parseWith in kb.search.ts).
 */

// The Russian ЙЦУКЕН layout over the US QWERTY keys (Ukrainian і/ї/є sit on ы/ъ/э's keys).
const EN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RU = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const UK = 'йцукенгшщзхїфівапролджєячсмитьбю';

const enToRu = new Map([...EN].map((c, i) => [c, RU[i]!]));
const enToUk = new Map([...EN].map((c, i) => [c, (UK[i] ?? RU[i])!]));
const ruToEn = new Map([...RU].map((c, i) => [c, EN[i]!]));

/** A raw token (letters and the layout's punctuation, lower case) re-read as Cyrillic keys; null when it is not Latin. */
export function fromLatinLayout(token: string, locale: 'ru' | 'uk' | 'en'): string | null {
  const t = token.toLowerCase();
  if (!/^[a-z[\];',.`]+$/.test(t) || !/[a-z]/.test(t)) return null;
  const map = locale === 'uk' ? enToUk : enToRu;
  return [...t].map((c) => map.get(c) ?? c).join('');
}

/** A Cyrillic word re-read as Latin keys ("ыьы" → "sms"); null when it has other letters. */
export function fromCyrillicLayout(word: string): string | null {
  if (!/^[а-яё]+$/.test(word)) return null;
  return [...word].map((c) => ruToEn.get(c) ?? c).join('');
}

// Longest first: "shch" before "sh" before "s".
const TRANSLIT: Array<[string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['yo', 'е'],
  ['jo', 'е'],
  ['ye', 'е'],
  ['ey', 'ей'],
  ['iy', 'ий'],
  ['yy', 'ый'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['w', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'й'],
  ['y', 'ы'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['x', 'кс'],
  ['q', 'к'],
];

/**
 * A Latin word read as Russian transliteration ("zablokirovali" → «заблокировали», "parol" →
 * «парол»); a soft sign is not written in transliteration, so the result may lack one — the
 * stemmer drops it anyway. Null when the word is not Latin letters.
 */
export function fromTranslit(word: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  let out = '';
  let i = 0;
  outer: while (i < word.length) {
    for (const [lat, cyr] of TRANSLIT) {
      if (word.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    i += 1;
  }
  return out;
}

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.MAX_SAFE_INTEGER;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

/** How many edits a typo of a word this long may have: one up to six letters, two up to eleven, three beyond. */
export const allowedEdits = (length: number) => (length <= 6 ? 1 : length <= 11 ? 2 : 3);
