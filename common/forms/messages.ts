/**
 * Texts of the per-field error codes in Russian, Ukrainian and English, and the pick of a localised label.
 */
import type { Locale } from '../errors';
import { formatMessage } from '../messages';
import type { FieldError, FieldErrorCode, L10n } from './types';

type Params = Record<string, string | number>;

// ICU messages (common/messages.ts), like every other catalogue: the languages' own plural rules,
// `{name}` arguments. A code with a detail has two texts: the generic one, and `code.param` when
// the param is given (`too_short` → «Слишком короткий текст», `too_short.min` → «Не меньше 5 символов»).

const RU = {
  required: 'Заполните это поле',
  unknown_field: 'Такого поля нет в форме',
  invalid_type: 'Неверный формат значения',
  too_short: 'Слишком короткий текст',
  'too_short.min': 'Не меньше {min} {min, plural, one {символа} other {символов}}',
  too_long: 'Слишком длинный текст',
  'too_long.max': 'Не больше {max} {max, plural, one {символа} other {символов}}',
  pattern: 'Значение не соответствует нужному формату',
  invalid_email: 'Введите адрес электронной почты, например name@example.com',
  invalid_phone: 'Введите номер телефона с кодом страны, например +7 900 123-45-67',
  invalid_wallet: 'Номер кошелька — это номер телефона владельца с кодом страны, например +7 900 123-45-67',
  invalid_amount: 'Введите сумму больше нуля, не больше двух знаков после запятой',
  amount_too_small: 'Слишком маленькая сумма',
  'amount_too_small.min': 'Сумма должна быть не меньше {min}',
  amount_too_large: 'Слишком большая сумма',
  'amount_too_large.max': 'Сумма должна быть не больше {max}',
  invalid_currency: 'Эта валюта здесь не принимается',
  'invalid_currency.allowed': 'Выберите валюту: {allowed}',
  invalid_date: 'Введите существующую дату',
  date_in_future: 'Дата не может быть в будущем',
  date_too_old: 'Слишком давняя дата',
  'date_too_old.days': 'Дата должна быть не раньше чем {days} {days, plural, one {день} few {дня} many {дней} other {дня}} назад',
  date_before_start: 'Дата окончания не может быть раньше даты начала',
  invalid_option: 'Выберите один из вариантов',
  must_be_checked: 'Отметьте этот пункт, чтобы продолжить',
  invalid_terminal_id: 'Номер терминала — от 4 до 10 цифр',
  invalid_receipt_number: 'Номер чека — от 4 до 30 букв, цифр или дефисов',
  too_many_files: 'Слишком много файлов',
  'too_many_files.max': 'Можно приложить не больше {max} {max, plural, one {файла} other {файлов}}',
  file_type_not_allowed: 'Файл «{name}» не подходит: такой формат не принимается',
  'file_type_not_allowed.allowed': 'Файл «{name}» не подходит: приложите {allowed}',
  file_too_large: 'Файл «{name}» слишком большой',
  'file_too_large.maxMb': 'Файл «{name}» больше {maxMb} МБ',
} as const satisfies Record<FieldErrorCode, string> & Record<string, string>;

export type FieldMessageKey = keyof typeof RU;

const UK: Record<FieldMessageKey, string> = {
  required: 'Заповніть це поле',
  unknown_field: 'Такого поля немає у формі',
  invalid_type: 'Неправильний формат значення',
  too_short: 'Занадто короткий текст',
  'too_short.min': 'Не менше {min} {min, plural, one {символу} other {символів}}',
  too_long: 'Занадто довгий текст',
  'too_long.max': 'Не більше {max} {max, plural, one {символу} other {символів}}',
  pattern: 'Значення не відповідає потрібному формату',
  invalid_email: 'Введіть адресу електронної пошти, наприклад name@example.com',
  invalid_phone: 'Введіть номер телефону з кодом країни, наприклад +380 67 123 4567',
  invalid_wallet: 'Номер гаманця — це номер телефону власника з кодом країни, наприклад +380 67 123 4567',
  invalid_amount: 'Введіть суму більше нуля, не більше двох знаків після коми',
  amount_too_small: 'Занадто мала сума',
  'amount_too_small.min': 'Сума має бути не менше {min}',
  amount_too_large: 'Занадто велика сума',
  'amount_too_large.max': 'Сума має бути не більше {max}',
  invalid_currency: 'Ця валюта тут не приймається',
  'invalid_currency.allowed': 'Оберіть валюту: {allowed}',
  invalid_date: 'Введіть існуючу дату',
  date_in_future: 'Дата не може бути в майбутньому',
  date_too_old: 'Занадто давня дата',
  'date_too_old.days': 'Дата має бути не раніше ніж {days} {days, plural, one {день} few {дні} many {днів} other {дні}} тому',
  date_before_start: 'Дата закінчення не може бути раніше дати початку',
  invalid_option: 'Оберіть один із варіантів',
  must_be_checked: 'Позначте цей пункт, щоб продовжити',
  invalid_terminal_id: 'Номер терміналу — від 4 до 10 цифр',
  invalid_receipt_number: 'Номер чека — від 4 до 30 літер, цифр або дефісів',
  too_many_files: 'Забагато файлів',
  'too_many_files.max': 'Можна додати не більше {max} {max, plural, one {файлу} other {файлів}}',
  file_type_not_allowed: 'Файл «{name}» не підходить: такий формат не приймається',
  'file_type_not_allowed.allowed': 'Файл «{name}» не підходить: додайте {allowed}',
  file_too_large: 'Файл «{name}» завеликий',
  'file_too_large.maxMb': 'Файл «{name}» більший за {maxMb} МБ',
};

const EN: Record<FieldMessageKey, string> = {
  required: 'This field is required',
  unknown_field: 'This field is not part of the form',
  invalid_type: 'The value has the wrong format',
  too_short: 'The text is too short',
  'too_short.min': 'At least {min} {min, plural, one {character} other {characters}}',
  too_long: 'The text is too long',
  'too_long.max': 'At most {max} {max, plural, one {character} other {characters}}',
  pattern: 'The value does not match the required format',
  invalid_email: 'Enter an e-mail address, e.g. name@example.com',
  invalid_phone: 'Enter a phone number with the country code, e.g. +7 900 123-45-67',
  invalid_wallet: "The wallet number is the owner's phone number with the country code, e.g. +7 900 123-45-67",
  invalid_amount: 'Enter an amount greater than zero with at most two decimal places',
  amount_too_small: 'The amount is too small',
  'amount_too_small.min': 'The amount must be at least {min}',
  amount_too_large: 'The amount is too large',
  'amount_too_large.max': 'The amount must be at most {max}',
  invalid_currency: 'This currency is not accepted here',
  'invalid_currency.allowed': 'Choose a currency: {allowed}',
  invalid_date: 'Enter a valid date',
  date_in_future: 'The date cannot be in the future',
  date_too_old: 'The date is too far in the past',
  'date_too_old.days': 'The date must be within the last {days} {days, plural, one {day} other {days}}',
  date_before_start: 'The end date cannot be before the start date',
  invalid_option: 'Choose one of the options',
  must_be_checked: 'Tick this box to continue',
  invalid_terminal_id: 'A terminal number has 4 to 10 digits',
  invalid_receipt_number: 'A receipt number has 4 to 30 letters, digits or hyphens',
  too_many_files: 'Too many files',
  'too_many_files.max': 'You can attach at most {max} {max, plural, one {file} other {files}}',
  file_type_not_allowed: 'The file “{name}” cannot be accepted: this format is not allowed',
  'file_type_not_allowed.allowed': 'The file “{name}” cannot be accepted: attach {allowed}',
  file_too_large: 'The file “{name}” is too large',
  'file_too_large.maxMb': 'The file “{name}” is larger than {maxMb} MB',
};

/** The field-error catalogues (checked for the same keys and ICU arguments with the others). */
export const FIELD_MESSAGES: Record<Locale, Record<FieldMessageKey, string>> = { ru: RU, uk: UK, en: EN };

/** The param whose presence picks a code's detailed text. */
const DETAIL: Partial<Record<FieldErrorCode, string>> = {
  too_short: 'min',
  too_long: 'max',
  amount_too_small: 'min',
  amount_too_large: 'max',
  invalid_currency: 'allowed',
  date_too_old: 'days',
  too_many_files: 'max',
  file_type_not_allowed: 'allowed',
  file_too_large: 'maxMb',
};

/** Whether a param is given (messages fall back to a generic text without it). */
const has = (p: Params, name: string): boolean => p[name] !== undefined && p[name] !== '';

/** The text of a field error in `locale`, with its params (min, max, days, name, maxMb, allowed, currency) filled in. */
export function fieldErrorMessage(error: FieldError, locale: Locale): string {
  const p: Params = error.params ?? {};
  const detail = DETAIL[error.code];
  const detailed = detail !== undefined && has(p, detail);
  const key = (detailed ? `${error.code}.${detail}` : error.code) as FieldMessageKey;
  const values: Params = { name: '', ...p };
  // An amount is shown with its currency when the field has one: «не меньше 10 RUB».
  if (detailed && error.code.startsWith('amount_') && has(p, 'currency')) values[detail] = `${p[detail]} ${p.currency}`;
  return formatMessage(locale, FIELD_MESSAGES[locale][key], values);
}

/** The text of `l10n` in `locale`, falling back to Russian, then English, when that text is empty. */
export function localize(l10n: L10n, locale: Locale): string {
  return l10n[locale].trim() || l10n.ru.trim() || l10n.en.trim();
}
