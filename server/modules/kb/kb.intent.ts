/**
 * What a customer describes instead of naming the problem, read as the articles name it:
 *
 * - a denied action — «я не совершала», «ничего не покупал», «не входил», «нічого не купувала» —
 *   is an operation made without them: the word also matches «без моего ведома» / «без мого відома»;
 * - what they want to prevent — «чтобы не взломали», «щоб не вкрали» — is protection: the word
 *   also matches «защитить» / «захистити».
 *
 * The words are the vocabulary of a wallet's support in both languages, not of any question set.
 * (Weighing such "problem" words above "thing" words — кошелёк, карта, терминал — by fixed factors
 * was measured on the development part and made it worse: docs/KB-SEARCH.md.)
 */
import type { Locale } from '../../../common/errors';
import { normalize, stemWord } from './kb.text';

const NEGATIONS = new Set(['не', 'ні', 'нет', 'ни', 'нема', 'немає']);
/** «чтобы не …», «щоб не …». */
const SO_THAT = new Set(['чтобы', 'чтоб', 'щоб', 'щоби']);

/** The stems of the words in both languages' stemmers (a Ukrainian word in a Russian question and vice versa). */
const stemsOf = (lines: string[]) => {
  const out = new Set<string>();
  for (const w of normalize(lines.join(' ')).split(' '))
    if (w) for (const locale of ['ru', 'uk'] as Locale[]) out.add(stemWord(w, locale));
  return out;
};

/** What customers say they did not do when money or access went without them (these forms only: «не входит» is a sign-in problem). */
const DENIED_ACTIONS = new Set(
  normalize(
    [
      'совершал совершала совершали делал делала делали покупал покупала купил купила платил платила',
      'оплачивал оплачивала переводил переводила отправлял отправляла входил входила заходил заходила',
      'подтверждал подтверждала снимал снимала',
      'робив робила робили здійснював здійснювала купував купувала купив купила платив платила',
      'оплачував оплачувала переказував переказувала відправляв відправляла входив входила заходив заходила',
      'підтверджував підтверджувала знімав знімала',
    ].join(' '),
  ).split(' '),
);
const WITHOUT_CONSENT = [...stemsOf(['ведома відома'])];
const PROTECT = [...stemsOf(['защитить захистити'])];

/**
 * The query's word groups (per content word `words[i]`, its alternative stems `groups[i]`) with
 * what the words imply added as alternatives. `tokens` are all the query's words in order, stop
 * words included (the negations are stop words).
 */
export function withImplied(tokens: string[], words: string[], groups: string[][]): string[][] {
  const denied = new Set<string>();
  const prevented = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    if (!NEGATIONS.has(tokens[i - 1]!)) continue;
    denied.add(tokens[i]!);
    if (i >= 2 && SO_THAT.has(tokens[i - 2]!)) prevented.add(tokens[i]!);
  }
  return groups.map((stems, i) => {
    const extra = [
      ...(denied.has(words[i]!) && DENIED_ACTIONS.has(words[i]!) ? WITHOUT_CONSENT : []),
      ...(prevented.has(words[i]!) ? PROTECT : []),
    ];
    return extra.length > 0 ? [...new Set([...stems, ...extra])] : stems;
  });
}
