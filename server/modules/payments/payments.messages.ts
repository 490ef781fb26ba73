import type { Locale } from '../../../common/errors';
import { catalogueText } from '../../../common/messages';

/** Payment checks' texts in Russian: the source (ICU MessageFormat, common/messages.ts). */
const ru = {
  // A payment's status as the seeds name them (S0: «В обработке», «Выполнен»), and the one "no such payment".
  'payments.status.processing': 'В обработке',
  'payments.status.done': 'Выполнен',
  'payments.status.cancelled': 'Отменён',
  'payments.status.not_found': 'Платёж не найден',
} as const;

export type PaymentsMessageKey = keyof typeof ru;

const uk: Record<PaymentsMessageKey, string> = {
  'payments.status.processing': 'В обробці',
  'payments.status.done': 'Виконано',
  'payments.status.cancelled': 'Скасовано',
  'payments.status.not_found': 'Платіж не знайдено',
};

const en: Record<PaymentsMessageKey, string> = {
  'payments.status.processing': 'Processing',
  'payments.status.done': 'Done',
  'payments.status.cancelled': 'Cancelled',
  'payments.status.not_found': 'Payment not found',
};

/** The payment checks' catalogue per language (checked by server/catalogues.test.ts). */
export const PAYMENTS_MESSAGES: Record<Locale, Record<PaymentsMessageKey, string>> = { ru, uk, en };

/** One text of the payment checks' catalogue in a language. */
export const paymentsText = catalogueText(PAYMENTS_MESSAGES);
