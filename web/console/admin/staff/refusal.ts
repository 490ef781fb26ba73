import type { Translate } from '../../../i18n/I18nProvider';
import { describeError } from '../../../ui/errorMessage';
import { refusalKeys } from './staffState';

/** Why a change of a person was refused: the catalogue's texts for the server's codes, else `errors.<CODE>`. */
export function refusalText(error: unknown, t: Translate): string {
  const keys = refusalKeys(error);
  return keys.length > 0 ? keys.map((key) => t(key)).join(' ') : describeError(error, t);
}
