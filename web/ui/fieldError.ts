import type { Locale } from '../../common/errors';
import { fieldErrorMessage } from '../../common/forms/messages';
import { FIELD_ERROR_CODES } from '../../common/forms/types';
import type { FieldErrorCode } from '../../common/forms/types';
import type { ApiFieldError } from '../api/client';

function isFieldErrorCode(code: string): code is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * The text of a field error in the customer's language: the shared messages for the validator's
 * codes (from the browser check or the server's `details.issues`), else the server's own message.
 */
export function fieldErrorText(error: ApiFieldError, locale: Locale, fallback: string): string {
  if (isFieldErrorCode(error.code)) {
    return fieldErrorMessage(error.params ? { code: error.code, params: error.params } : { code: error.code }, locale);
  }
  return error.message ?? fallback;
}
