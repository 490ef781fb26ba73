/**
 * Context words ("cues") that say what a number next to them is, in Russian, Ukrainian and
 * English. A number is judged by the nearest cue before it (within CUE_WINDOW characters):
 * a document or card word lets a weak shape through, any other number word (phone, amount,
 * receipt, terminal, request…) holds back even a strong one.
 */

export type Cue = 'passport' | 'id_card' | 'card' | 'reference' | 'other';

/** How far before a number a cue counts (characters). */
export const CUE_WINDOW = 60;

// The window is lower-cased and matched against explicit letter ranges: a case-insensitive
// regex with \p{L} costs V8 over half a second to compile, these a few milliseconds.
const LETTER = 'a-zа-яёіїєґ';
// A cue starts a word: no letter or digit right before it (JavaScript's \b is ASCII-only).
const START = `(?<![${LETTER}0-9])`;
// Short words end where the word ends ("мир", not "мировой"; "id", not "idea").
const END = `(?![${LETTER}])`;
const W = `[${LETTER}]*`;

const PASSPORT = [
  `паспорт${W}`,
  `passport${W}`,
  `сери[яиюйі]${W}`,
  `series${END}`,
  `удостоверени${W}`,
  `удостоверя${W}`,
  `посвідчен${W}`,
];
const ID_CARD = [
  `(?:id|ід|ид|айди|айді)[\\s-]?карт${W}`,
  `id[\\s-]?card${W}`,
  `ідентифікаційн${W}`,
  // "паспорт у формі картки", "в форме карты": the Ukrainian ID card
  `форм${W}\\s+карт${W}`,
  `identity[\\s-]card${W}`,
];
const CARD = [
  `карт${W}`,
  `card${W}`,
  `visa${END}`,
  `master\\s?card${END}`,
  `maestro${END}`,
  `мир${END}`,
  `мір${END}`,
  `amex${END}`,
  `american\\s+express${END}`,
  `union\\s?pay${END}`,
];
const OTHER = [
  // phones and wallets (a wallet number is a phone number)
  `телефон${W}`,
  `тел${END}`,
  `phone${W}`,
  `mobile${END}`,
  `моб${W}`,
  `кошел${W}`,
  `кошёл${W}`,
  `гаман${W}`,
  `wallet${W}`,
  // money
  `сумм${W}`,
  `сум[аиуі]${END}`,
  `amount${W}`,
  `баланс${W}`,
  `balance${W}`,
  `платеж${W}`,
  `платёж${W}`,
  `платіж${W}`,
  `payment${W}`,
  `перевод${W}`,
  `переказ${W}`,
  `transfer${W}`,
];
/** Words naming a reference number: these hold back card numbers too (a Luhn-valid operation id is not a card). */
const REFERENCE = [
  // receipts, terminals, operations
  `чек${END}`,
  `чек[аеуи]${END}`,
  `квитанц${W}`,
  `квитанці${W}`,
  `receipt${W}`,
  `терминал${W}`,
  `термінал${W}`,
  `terminal${W}`,
  `транзакц${W}`,
  `transaction${W}`,
  `операци${W}`,
  `операці${W}`,
  `operation${W}`,
  `rrn${END}`,
  // requests, orders, accounts, codes
  `заявк${W}`,
  `обращени${W}`,
  `звернен${W}`,
  `request${W}`,
  `ticket${W}`,
  `pd${END}`,
  `заказ${W}`,
  `замовлен${W}`,
  `order${W}`,
  `сч[её]т${W}`,
  `рахун${W}`,
  `account${W}`,
  `договор${W}`,
  `договір${W}`,
  `contract${W}`,
  `код${END}`,
  `кода${END}`,
  `code${END}`,
  `инн${END}`,
  `іпн${END}`,
  `рнокпп${END}`,
  `снилс${END}`,
  `tax${END}`,
  `трек${W}`,
  `track${W}`,
];

const group = (name: Cue, words: string[]) => `(?<${name}>${words.join('|')})`;
const CUE = new RegExp(
  `${START}(?:${group('id_card', ID_CARD)}|${group('passport', PASSPORT)}|${group('card', CARD)}|${group('reference', REFERENCE)}|${group('other', OTHER)})`,
  'gu',
);

/** The nearest cue before `start` in `text`, or null when no number word is near. */
export function cueBefore(text: string, start: number): Cue | null {
  let last: Cue | null = null;
  for (const m of text
    .slice(Math.max(0, start - CUE_WINDOW), start)
    .toLowerCase()
    .matchAll(CUE)) {
    const g = m.groups!;
    last = g.id_card ? 'id_card' : g.passport ? 'passport' : g.card ? 'card' : g.reference ? 'reference' : 'other';
  }
  return last;
}

/** A currency right after a number makes it an amount ("4500 123456 руб."). */
const CURRENCY = /^[ \u00a0]{0,2}(?:руб|р\.|₽|грн|₴|коп|uah|rub|usd|eur|\$|€|долл|dollar|euro|євро|евро)/iu;

/** True when a currency word or sign follows `end`. */
export function currencyAfter(text: string, end: number): boolean {
  return CURRENCY.test(text.slice(end, end + 12));
}
