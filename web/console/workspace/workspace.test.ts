import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../api/console';
import { ApiError } from '../../api/client';
import { translate } from '../../i18n/catalogues';
import type { Translate } from '../../i18n/I18nProvider';
import { actionError, availableActions, reasonProblem } from './actions';
import { describeHistory } from './history';
import { applyPresence, expireTyping } from './presence';

const t: Translate = (key, params) => translate('ru', key, params);

function ws(patch: Partial<Workspace>): Workspace {
  return {
    number: 'PD-1',
    status: 'open',
    tier: 1,
    department: { code: 'first_line', name: { ru: 'Первая линия', uk: '', en: '' } },
    assignee: null,
    can: { work: true, reveal: false, assign: false },
    ...patch,
  } as Workspace;
}

describe('availableActions', () => {
  it('offers what makes sense for the request and hides everything without can.work', () => {
    const open = availableActions(ws({}), 'me');
    expect(open).toMatchObject({ take: true, transfer: true, escalate: true, return: false, resolve: true, reopen: false });
    expect(availableActions(ws({ assignee: { id: 'me', name: 'Я' } }), 'me').take).toBe(false);
    expect(open.assign).toBe(false);
    expect(availableActions(ws({ can: { work: true, reveal: false, assign: true } }), 'me').assign).toBe(true);
    expect(
      availableActions(ws({ tier: 3, department: { id: 'd1', code: 'tech_support', name: { ru: '', uk: '', en: '' } } }), 'me'),
    ).toMatchObject({
      escalate: false,
      return: true,
    });
    const solved = availableActions(ws({ status: 'resolved' }), 'me');
    expect(solved).toMatchObject({ take: false, transfer: false, resolve: false, reopen: true });
    expect(Object.values(availableActions(ws({ can: { work: false, reveal: true, assign: true } }), 'me')).some(Boolean)).toBe(
      false,
    );
  });
});

describe('reasonProblem and actionError', () => {
  it('asks for a reason of three characters or more', () => {
    expect(reasonProblem('  ', t)).toBe('Укажите причину.');
    expect(reasonProblem('ok', t)).toBe('Причина — не короче 3 символов.');
    expect(reasonProblem('нужно', t)).toBeNull();
  });

  it('names a known conflict and the access problems', () => {
    expect(actionError(new ApiError({ code: 'CONFLICT', status: 409, details: { reason: 'highest_tier' } }), t)).toBe(
      'Обращение уже на старшей линии.',
    );
    expect(actionError(new ApiError({ code: 'FORBIDDEN', status: 403 }), t)).toContain('нет прав');
    expect(actionError(new ApiError({ code: 'CONFLICT', status: 409 }), t)).toBe(translate('ru', 'errors.CONFLICT'));
  });
});

describe('describeHistory', () => {
  const names: Record<string, string> = { 'dep-1': 'Первая линия', terminals: 'Терминальная служба' };
  const context = {
    t,
    departmentName: (x: string) => names[x] ?? '',
    fieldLabel: (k: string) => (k === 'passport_data' ? 'Паспорт' : ''),
  };

  it('translates actions and shows the details and the reason', () => {
    expect(
      describeHistory(
        {
          at: '',
          actor: 'Оля',
          action: 'ticket.transferred',
          data: { from: 'dep-1', to: 'dep-2', toCode: 'terminals', reason: 'терминал' },
        },
        context,
      ),
    ).toEqual({ title: 'Передано в отдел', detail: 'Первая линия → Терминальная служба', reason: 'терминал' });
    expect(
      describeHistory({ at: '', actor: 'Оля', action: 'ticket.escalated', data: { from: 1, to: 2, reason: 'сложно' } }, context)
        .detail,
    ).toBe('Линия 1 → Линия 2');
    expect(
      describeHistory(
        { at: '', actor: 'М', action: 'pii.revealed', data: { field: 'passport_data', reason: 'проверка' } },
        context,
      ),
    ).toEqual({
      title: 'Просмотр личных данных',
      detail: 'Паспорт',
      reason: 'проверка',
    });
    expect(
      describeHistory({ at: '', actor: 'М', action: 'ticket.resolved', data: { resolutionCode: 'refunded' } }, context).detail,
    ).toBe('Деньги возвращены');
    expect(describeHistory({ at: '', actor: 'x', action: 'something.new', data: {} }, context)).toEqual({
      title: 'something.new',
      detail: null,
      reason: null,
    });
  });
});

describe('presence', () => {
  const data = (userId: string, state: 'viewing' | 'typing' | 'left') => ({ userId, kind: 'staff', name: userId, state });

  it('tracks others, ignores oneself and customers, and tells who is new', () => {
    let r = applyPresence([], data('a', 'viewing'), 'me', 0);
    expect(r).toMatchObject({ isNew: true, list: [{ userId: 'a', state: 'viewing' }] });
    r = applyPresence(r.list, data('a', 'typing'), 'me', 10);
    expect(r).toMatchObject({ isNew: false, list: [{ userId: 'a', state: 'typing' }] });
    expect(applyPresence(r.list, data('me', 'viewing'), 'me', 10).list).toHaveLength(1);
    expect(applyPresence(r.list, { ...data('c', 'viewing'), kind: 'customer' }, 'me', 10).list).toHaveLength(1);
    expect(applyPresence(r.list, data('a', 'left'), 'me', 20).list).toEqual([]);
  });

  it('turns stale typing back into viewing', () => {
    const list = [{ userId: 'a', name: 'a', state: 'typing' as const, at: 0 }];
    expect(expireTyping(list, 5000)).toBe(list);
    expect(expireTyping(list, 9000)[0]?.state).toBe('viewing');
  });
});
