// Texts are normalised (words separated by single spaces), so a word boundary is the start, the end
// or a space: JavaScript's \b knows only Latin letters.
/**
 * What the consultant recognises without searching (asking for a person, greetings, thanks)
 * and what it says, in Russian, Ukrainian and English. All offline: plain patterns on the
 * normalised text (lower case, ё = е; see kb.text.ts).
 */
import type { Locale } from '../../../common/errors';
import { formatMessage, type MessageValues } from '../../../common/messages';
import { normalize } from '../kb';

/** Asking for a person: operator, specialist, a live human, "connect me with an employee" (ru/uk/en). */
const HANDOFF: RegExp[] = [
  /(?:^|(?<= )|$|(?= ))оператор[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))живо[а-яіїєґa-z]* (человек|чел|сотрудник|оператор)[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))(позов|зов|позвать|дайте|нужен|нужна|хочу|соедин|переключ|свяж|пригласи)[а-яіїєґa-z]* .{0,30}(специалист|сотрудник|человек|консультант|менеджер|оператор|поддержк)[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))(специалист|сотрудник|менеджер)[а-яіїєґa-z]* (пожалуйста|нужен|позовите)/,
  /(?:^|(?<= )|$|(?= ))с (человеком|живым|сотрудником|специалистом)(?:^|(?<= )|$|(?= ))/,
  /(?:^|(?<= )|$|(?= ))не (с )?(бот|робот)[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))живу[а-яіїєґa-z]* (людин|оператор)[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))жив[а-яіїєґa-z]* (людин|працівник|оператор)[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))(покличте|покликати|зєднайте|зєднати|зв[яʼ]?яжіть|переключіть|потрібен|потрібна|хочу)[а-яіїєґa-z]* .{0,30}(спеціаліст|працівник|людин|оператор|консультант|менеджер)[а-яіїєґa-z]*/,
  /(?:^|(?<= )|$|(?= ))(human|real person|live agent|an agent|operator|representative|speak to (someone|a person)|talk to (someone|a person|a human))(?:^|(?<= )|$|(?= ))/,
];

/** Whether the customer asks for a person rather than an article. */
export function asksForPerson(text: string): boolean {
  const n = normalize(text);
  return HANDOFF.some((re) => re.test(n));
}

const HANDOFF_STEMS =
  /^(оператор|живо|живу|живий|живого|человек|специалист|сотрудник|консультант|менеджер|позов|позвать|дайте|нужен|нужна|хочу|соедин|переключ|свяж|пригласи|пожалуйста|людин|спеціаліст|працівник|покличте|покликати|зєднайте|зєднати|звяжіть|переключіть|потрібен|потрібна|human|person|operator|representative|speak|talk|someone|connect|please)/;
const HANDOFF_SHORT = new Set([
  'не',
  'с',
  'со',
  'з',
  'зі',
  'бот',
  'бота',
  'робот',
  'робота',
  'чел',
  'me',
  'to',
  'with',
  'a',
  'an',
  'agent',
  'live',
  'real',
  'i',
  'want',
]);

/** The question without the words of asking for a person ("оператор, кошелёк заблокирован" → "кошелёк заблокирован"). */
export function withoutHandoffWords(text: string): string {
  return normalize(text)
    .split(' ')
    .filter((w) => w && !HANDOFF_SHORT.has(w) && !HANDOFF_STEMS.test(w))
    .join(' ');
}

const GREETING_WORDS =
  /^(здравствуйте|здравствуй|здрасте|привет|приветствую|добрый (день|вечер|утро)|доброе утро|доброго (дня|вечора|ранку)|добрий (день|вечір)|добрый|доброй ночи|вітаю|привіт|здрастуйте|hello|hi|hey|good (morning|afternoon|evening)|алло|ау)(?:^|(?<= )|$|(?= ))/;
const THANKS_WORDS =
  /^(спасибо|спс|благодарю|большое спасибо|спасибочки|дякую|щиро дякую|дуже дякую|thanks|thank you|thx|ок спасибо|понятно спасибо|все понятно)(?:^|(?<= )|$|(?= ))/;
const FILLER =
  /(?:^|(?<= )|$|(?= ))(вам|тебе|большое|огромное|пожалуйста|бот|ант|консультант|all|a lot|very much|you|so much|дуже|щиро|вам|ок|ok|хорошо|понятно|ясно|всё|все)(?:^|(?<= )|$|(?= ))/g;

export type SmallTalk = 'greeting' | 'thanks' | null;

/** Words that, alone, make a message thanks or an acknowledgement ("ок, понятно, спасибо", "спасибо, помогли"). */
const THANKS_ALONE = new Set(
  'спасибо спс спасибочки благодарю благодарочка дякую thanks thank thx помогли помогло помог помогла допомогли допомогло разобрался разобралась понятно ясно ок окей ok okay хорошо отлично супер класс зрозуміло добре чудово вам тебе большое огромное дуже щиро за помощь допомогу you a lot very much so much все всё'.split(
    ' ',
  ),
);
const THANKS_CORE = /(?:^|(?<= ))(спасибо|спс|спасибочки|благодарю|дякую|thanks|thank|thx)(?:$|(?= ))/;

/** A greeting or thanks with nothing else in it (a greeting followed by a question is a question). */
export function smallTalk(text: string): SmallTalk {
  const n = normalize(text);
  for (const [kind, re] of [
    ['greeting', GREETING_WORDS],
    ['thanks', THANKS_WORDS],
  ] as const) {
    const m = re.exec(n);
    if (!m) continue;
    const rest = n
      .slice(m[0].length)
      .replace(re, '')
      .replace(FILLER, '')
      .replace(GREETING_WORDS, '')
      .replace(THANKS_WORDS, '')
      .trim();
    if (rest.length === 0) return kind;
  }
  // Thanks among acknowledgements only: "ок, понятно, спасибо", "спасибо, всё помогло".
  const words = n.split(' ').filter(Boolean);
  if (THANKS_CORE.test(n) && words.every((w) => THANKS_ALONE.has(w))) return 'thanks';
  return null;
}

/** Removes a leading greeting so that "Здравствуйте, не приходит смс" is searched as the question. */
export function stripGreeting(text: string): string {
  const n = normalize(text);
  const m = GREETING_WORDS.exec(n);
  return m ? n.slice(m[0].length).trim() : n;
}

type Phrase =
  | 'greeting'
  | 'thanks'
  | 'handoff'
  | 'handoffCategory'
  | 'unknown'
  | 'answerIntro'
  | 'moreLinks'
  | 'categoryHint'
  | 'categoryLink'
  | 'maybe'
  | 'unsureHint'
  | 'questionRequired'
  | 'questionTooLong';

/** The consultant's phrases (checked for the same keys and ICU arguments with every catalogue). */
export const PHRASES: Record<Locale, Record<Phrase, string>> = {
  ru: {
    greeting:
      'Здравствуйте! Я виртуальный консультант. Опишите вопрос своими словами — например, «не приходит смс с кодом» или «заблокировали кошелёк», — и я подскажу, что делать.',
    thanks: 'Рад помочь! Если появится ещё вопрос — пишите.',
    handoff:
      'Живой чат с оператором пока не работает. Напишите в поддержку — обращение попадёт к специалисту, ответ придёт на почту и в «Мои обращения». Срочно — горячая линия 8 800 000-00-01 (круглосуточно, бесплатно).',
    handoffCategory:
      'Живой чат с оператором пока не работает. Напишите в поддержку в разделе «{category}» — обращение сразу попадёт к нужному специалисту. Срочно — горячая линия 8 800 000-00-01.',
    unknown:
      'Не нашёл готового ответа на этот вопрос. Попробуйте сформулировать иначе или напишите в поддержку — специалист ответит.',
    answerIntro: 'Вот что поможет:',
    moreLinks: 'Подробнее — в статьях ниже.',
    categoryHint: 'Если это не помогло, напишите в поддержку в разделе «{category}».',
    categoryLink: 'Раздел для обращения — «{category}».',
    maybe: 'Возможно, подойдёт одна из этих статей.',
    unsureHint: 'Если это не то, уточните вопрос или напишите в поддержку — специалист ответит.',
    questionRequired: 'Напишите вопрос',
    questionTooLong:
      'Вопрос длиннее {max, plural, one {# символа} few {# символов} many {# символов} other {# символа}}: сократите его',
  },
  uk: {
    greeting:
      'Вітаю! Я віртуальний консультант. Опишіть питання своїми словами — наприклад, «не приходить смс з кодом» або «гаманець заблоковано», — і я підкажу, що робити.',
    thanks: 'Радий допомогти! Якщо з’явиться ще питання — пишіть.',
    handoff:
      'Живий чат з оператором поки не працює. Напишіть до підтримки — звернення потрапить до фахівця, відповідь прийде на пошту та в «Мої звернення». Терміново — гаряча лінія 8 800 000-00-01 (цілодобово, безкоштовно).',
    handoffCategory:
      'Живий чат з оператором поки не працює. Напишіть до підтримки в розділі «{category}» — звернення одразу потрапить до потрібного фахівця. Терміново — гаряча лінія 8 800 000-00-01.',
    unknown:
      'Не знайшов готової відповіді на це питання. Спробуйте сформулювати інакше або напишіть до підтримки — фахівець відповість.',
    answerIntro: 'Ось що допоможе:',
    moreLinks: 'Докладніше — у статтях нижче.',
    categoryHint: 'Якщо це не допомогло, напишіть до підтримки в розділі «{category}».',
    categoryLink: 'Розділ для звернення — «{category}».',
    maybe: 'Можливо, підійде одна з цих статей.',
    unsureHint: 'Якщо це не те, уточніть питання або напишіть до підтримки — фахівець відповість.',
    questionRequired: 'Напишіть питання',
    questionTooLong:
      'Питання довше за {max, plural, one {# символ} few {# символи} many {# символів} other {# символу}}: скоротіть його',
  },
  en: {
    greeting:
      'Hello! I am the virtual consultant. Describe your question in your own words — for example, "the SMS code does not arrive" or "my wallet is blocked" — and I will tell you what to do.',
    thanks: 'Glad to help! Write again if you have another question.',
    handoff:
      'Live chat with an operator is not available yet. Write to support — a specialist will answer by e-mail and in "My requests". Urgent: hotline 8 800 000-00-01 (24/7, free).',
    handoffCategory:
      'Live chat with an operator is not available yet. Write to support under "{category}" — your request goes straight to the right specialist. Urgent: hotline 8 800 000-00-01.',
    unknown:
      'I could not find a ready answer to this. Try putting it differently, or write to support — a specialist will answer.',
    answerIntro: 'This should help:',
    moreLinks: 'More in the articles below.',
    categoryHint: 'If this did not help, write to support under "{category}".',
    categoryLink: 'The section to write under: "{category}".',
    maybe: 'One of these articles may help.',
    unsureHint: 'If this is not it, put the question differently or write to support — a specialist will answer.',
    questionRequired: 'Write your question',
    questionTooLong: 'The question is longer than {max, plural, one {# character} other {# characters}}: shorten it',
  },
};

/** One of the consultant's phrases in a language: ICU MessageFormat, as every paydesk text (common/messages.ts). */
export function phrase(locale: Locale, key: Phrase, vars?: MessageValues): string {
  return formatMessage(locale, PHRASES[locale][key], vars);
}

/** The first sentences of a short answer, up to about `max` characters: the guide the consultant gives. */
export function firstSentences(text: string, max = 320): string {
  const sentences = text.match(/[^.!?…]+[.!?…]+(\s|$)|[^.!?…]+$/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if (out && (out + s).length > max) break;
    out += s;
  }
  return out.trim();
}

/**
 * The sentence after a short answer: «if this did not help, write under …», unless the answer
 * already says «write to us» or «if it did not help» — then only the section is named, so the
 * consultant does not say it twice.
 */
export function closingHint(guide: string): 'categoryHint' | 'categoryLink' {
  return /напиш(и|іть|ите)|обратитесь|зверніться|write to|contact (us|support)|не помогл|не допомогл|(did|does) not help|didn[’']t help/i.test(
    guide,
  )
    ? 'categoryLink'
    : 'categoryHint';
}
