/**
 * Texts of the per-field error codes in Russian, Ukrainian and English, and the pick of a localised label.
 */
import type { Locale } from '../errors';
import type { FieldError, FieldErrorCode, L10n } from './types';

type Params = Record<string, string | number>;
type Message = (p: Params) => string;

/** Plural forms: ru/uk [one, few, many], en [one, other]. */
const pluralRules = {
  ru: new Intl.PluralRules('ru'),
  uk: new Intl.PluralRules('uk'),
  en: new Intl.PluralRules('en'),
};

function plural(locale: Locale, n: string | number | undefined, forms: [string, string, string?]): string {
  const rule = pluralRules[locale].select(Number(n));
  if (locale === 'en') return rule === 'one' ? forms[0] : forms[1];
  if (rule === 'one') return forms[0];
  if (rule === 'few') return forms[1];
  if (rule === 'many') return forms[2] ?? forms[1];
  return forms[1]; // fractions
}

/** Whether a param is given (messages fall back to a generic text without it). */
const has = (p: Params, name: string): boolean => p[name] !== undefined && p[name] !== '';
const amount = (p: Params, name: string): string => (has(p, 'currency') ? `${p[name]} ${p.currency}` : String(p[name]));

const RU: Record<FieldErrorCode, Message> = {
  required: () => 'Заполните это поле',
  unknown_field: () => 'Такого поля нет в форме',
  invalid_type: () => 'Неверный формат значения',
  too_short: (p) =>
    has(p, 'min') ? `Не меньше ${p.min} ${plural('ru', p.min, ['символа', 'символов'])}` : 'Слишком короткий текст',
  too_long: (p) =>
    has(p, 'max') ? `Не больше ${p.max} ${plural('ru', p.max, ['символа', 'символов'])}` : 'Слишком длинный текст',
  pattern: () => 'Значение не соответствует нужному формату',
  invalid_email: () => 'Введите адрес электронной почты, например name@example.com',
  invalid_phone: () => 'Введите номер телефона с кодом страны, например +7 900 123-45-67',
  invalid_wallet: () => 'Номер кошелька — это номер телефона владельца с кодом страны, например +7 900 123-45-67',
  invalid_amount: () => 'Введите сумму больше нуля, не больше двух знаков после запятой',
  amount_too_small: (p) => (has(p, 'min') ? `Сумма должна быть не меньше ${amount(p, 'min')}` : 'Слишком маленькая сумма'),
  amount_too_large: (p) => (has(p, 'max') ? `Сумма должна быть не больше ${amount(p, 'max')}` : 'Слишком большая сумма'),
  invalid_currency: (p) => (has(p, 'allowed') ? `Выберите валюту: ${p.allowed}` : 'Эта валюта здесь не принимается'),
  invalid_date: () => 'Введите существующую дату',
  date_in_future: () => 'Дата не может быть в будущем',
  date_too_old: (p) =>
    has(p, 'days')
      ? `Дата должна быть не раньше чем ${p.days} ${plural('ru', p.days, ['день', 'дня', 'дней'])} назад`
      : 'Слишком давняя дата',
  date_before_start: () => 'Дата окончания не может быть раньше даты начала',
  invalid_option: () => 'Выберите один из вариантов',
  must_be_checked: () => 'Отметьте этот пункт, чтобы продолжить',
  invalid_terminal_id: () => 'Номер терминала — от 4 до 10 цифр',
  invalid_receipt_number: () => 'Номер чека — от 4 до 30 букв, цифр или дефисов',
  too_many_files: (p) =>
    has(p, 'max') ? `Можно приложить не больше ${p.max} ${plural('ru', p.max, ['файла', 'файлов'])}` : 'Слишком много файлов',
  file_type_not_allowed: (p) =>
    `Файл «${p.name ?? ''}» не подходит` + (has(p, 'allowed') ? `: приложите ${p.allowed}` : ': такой формат не принимается'),
  file_too_large: (p) =>
    has(p, 'maxMb') ? `Файл «${p.name ?? ''}» больше ${p.maxMb} МБ` : `Файл «${p.name ?? ''}» слишком большой`,
};

const UK: Record<FieldErrorCode, Message> = {
  required: () => 'Заповніть це поле',
  unknown_field: () => 'Такого поля немає у формі',
  invalid_type: () => 'Неправильний формат значення',
  too_short: (p) =>
    has(p, 'min') ? `Не менше ${p.min} ${plural('uk', p.min, ['символу', 'символів'])}` : 'Занадто короткий текст',
  too_long: (p) =>
    has(p, 'max') ? `Не більше ${p.max} ${plural('uk', p.max, ['символу', 'символів'])}` : 'Занадто довгий текст',
  pattern: () => 'Значення не відповідає потрібному формату',
  invalid_email: () => 'Введіть адресу електронної пошти, наприклад name@example.com',
  invalid_phone: () => 'Введіть номер телефону з кодом країни, наприклад +380 67 123 4567',
  invalid_wallet: () => 'Номер гаманця — це номер телефону власника з кодом країни, наприклад +380 67 123 4567',
  invalid_amount: () => 'Введіть суму більше нуля, не більше двох знаків після коми',
  amount_too_small: (p) => (has(p, 'min') ? `Сума має бути не менше ${amount(p, 'min')}` : 'Занадто мала сума'),
  amount_too_large: (p) => (has(p, 'max') ? `Сума має бути не більше ${amount(p, 'max')}` : 'Занадто велика сума'),
  invalid_currency: (p) => (has(p, 'allowed') ? `Оберіть валюту: ${p.allowed}` : 'Ця валюта тут не приймається'),
  invalid_date: () => 'Введіть існуючу дату',
  date_in_future: () => 'Дата не може бути в майбутньому',
  date_too_old: (p) =>
    has(p, 'days')
      ? `Дата має бути не раніше ніж ${p.days} ${plural('uk', p.days, ['день', 'дні', 'днів'])} тому`
      : 'Занадто давня дата',
  date_before_start: () => 'Дата закінчення не може бути раніше дати початку',
  invalid_option: () => 'Оберіть один із варіантів',
  must_be_checked: () => 'Позначте цей пункт, щоб продовжити',
  invalid_terminal_id: () => 'Номер терміналу — від 4 до 10 цифр',
  invalid_receipt_number: () => 'Номер чека — від 4 до 30 літер, цифр або дефісів',
  too_many_files: (p) =>
    has(p, 'max') ? `Можна додати не більше ${p.max} ${plural('uk', p.max, ['файлу', 'файлів'])}` : 'Забагато файлів',
  file_type_not_allowed: (p) =>
    `Файл «${p.name ?? ''}» не підходить` + (has(p, 'allowed') ? `: додайте ${p.allowed}` : ': такий формат не приймається'),
  file_too_large: (p) =>
    has(p, 'maxMb') ? `Файл «${p.name ?? ''}» більший за ${p.maxMb} МБ` : `Файл «${p.name ?? ''}» завеликий`,
};

const EN: Record<FieldErrorCode, Message> = {
  required: () => 'This field is required',
  unknown_field: () => 'This field is not part of the form',
  invalid_type: () => 'The value has the wrong format',
  too_short: (p) =>
    has(p, 'min') ? `At least ${p.min} ${plural('en', p.min, ['character', 'characters'])}` : 'The text is too short',
  too_long: (p) =>
    has(p, 'max') ? `At most ${p.max} ${plural('en', p.max, ['character', 'characters'])}` : 'The text is too long',
  pattern: () => 'The value does not match the required format',
  invalid_email: () => 'Enter an e-mail address, e.g. name@example.com',
  invalid_phone: () => 'Enter a phone number with the country code, e.g. +7 900 123-45-67',
  invalid_wallet: () => "The wallet number is the owner's phone number with the country code, e.g. +7 900 123-45-67",
  invalid_amount: () => 'Enter an amount greater than zero with at most two decimal places',
  amount_too_small: (p) => (has(p, 'min') ? `The amount must be at least ${amount(p, 'min')}` : 'The amount is too small'),
  amount_too_large: (p) => (has(p, 'max') ? `The amount must be at most ${amount(p, 'max')}` : 'The amount is too large'),
  invalid_currency: (p) => (has(p, 'allowed') ? `Choose a currency: ${p.allowed}` : 'This currency is not accepted here'),
  invalid_date: () => 'Enter a valid date',
  date_in_future: () => 'The date cannot be in the future',
  date_too_old: (p) =>
    has(p, 'days')
      ? `The date must be within the last ${p.days} ${plural('en', p.days, ['day', 'days'])}`
      : 'The date is too far in the past',
  date_before_start: () => 'The end date cannot be before the start date',
  invalid_option: () => 'Choose one of the options',
  must_be_checked: () => 'Tick this box to continue',
  invalid_terminal_id: () => 'A terminal number has 4 to 10 digits',
  invalid_receipt_number: () => 'A receipt number has 4 to 30 letters, digits or hyphens',
  too_many_files: (p) =>
    has(p, 'max') ? `You can attach at most ${p.max} ${plural('en', p.max, ['file', 'files'])}` : 'Too many files',
  file_type_not_allowed: (p) =>
    `The file “${p.name ?? ''}” cannot be accepted` +
    (has(p, 'allowed') ? `: attach ${p.allowed}` : ': this format is not allowed'),
  file_too_large: (p) =>
    has(p, 'maxMb') ? `The file “${p.name ?? ''}” is larger than ${p.maxMb} MB` : `The file “${p.name ?? ''}” is too large`,
};

const CATALOGUE: Record<Locale, Record<FieldErrorCode, Message>> = { ru: RU, uk: UK, en: EN };

/** The text of a field error in `locale`, with its params (min, max, days, name, maxMb, allowed, currency) filled in. */
export function fieldErrorMessage(error: FieldError, locale: Locale): string {
  const message = CATALOGUE[locale][error.code];
  return message(error.params ?? {});
}

/** The text of `l10n` in `locale`, falling back to Russian, then English, when that text is empty. */
export function localize(l10n: L10n, locale: Locale): string {
  return l10n[locale].trim() || l10n.ru.trim() || l10n.en.trim();
}
