import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../api/console';
import { translate } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/I18nProvider';
import { reachSent, reachWarning } from './reach';

const t: Translate = (key, params) => translate('ru', key, params);
const ws = (reach: Workspace['reach']) => ({ reach }) as Workspace;

describe('where an answer goes', () => {
  it('names the address a whole answer was mailed to, and the personal section', () => {
    expect(reachSent(ws({ portal: true, email: 'a@b.c', mail: 'full' }), t)).toBe(
      'Отправлено на e-mail a@b.c и в личный кабинет.',
    );
    expect(reachSent(ws({ portal: false, email: 'g@b.c', mail: 'full' }), t)).toBe('Отправлено на e-mail g@b.c.');
    expect(reachWarning(ws({ portal: false, email: 'g@b.c', mail: 'notice' }), t)).toBeNull();
  });

  it('says when only a notice or nothing went by mail', () => {
    expect(reachSent(ws({ portal: true, email: 'a@b.c', mail: 'notice' }), t)).toContain('уведомление');
    expect(reachSent(ws({ portal: true, email: null, mail: 'none' }), t)).toContain('только в личном кабинете');
    expect(reachWarning(ws({ portal: true, email: null, mail: 'none' }), t)).toContain('Письма не будет');
  });

  it('warns before sending when the customer cannot be reached, and never claims the answer was sent', () => {
    const nowhere = ws({ portal: false, email: null, mail: 'none' });
    expect(reachWarning(nowhere, t)).toContain('некуда доставить');
    expect(reachSent(nowhere, t)).not.toMatch(/отправлен/i);
  });
});
