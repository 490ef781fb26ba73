import { describe, expect, it } from 'vitest';
import { apiAuditFilters, auditFormFromSearch, auditNumber, auditReason, searchFromAuditForm } from './auditQuery';

describe('audit filters', () => {
  it('keeps valid values in the URL and turns local days into instants', () => {
    const actor = '0b9c3a52-5f38-4c8e-9a51-1d2e3f4a5b6c';
    const form = auditFormFromSearch(`?action=pii.revealed&actor=${actor}&number=PD-1&from=2026-05-01&to=2026-05-02&junk=1`);
    expect(form).toEqual({ action: 'pii.revealed', actor, number: 'PD-1', from: '2026-05-01', to: '2026-05-02' });
    expect(searchFromAuditForm(form)).toBe(`?action=pii.revealed&actor=${actor}&number=PD-1&from=2026-05-01&to=2026-05-02`);
    expect(auditFormFromSearch('?from=yesterday&actor=robert')).toEqual({ action: '', actor: '', number: '', from: '', to: '' });
    expect(apiAuditFilters(form).actor).toBe(actor);
    const api = apiAuditFilters(form);
    expect(new Date(api.from ?? '').getTime()).toBe(new Date(2026, 4, 1).getTime());
    expect(new Date(api.to ?? '').getTime()).toBe(new Date(2026, 4, 2, 23, 59, 59, 999).getTime());
  });

  it('shows the reason apart and the request number, also for rows whose data has none', () => {
    const entry = {
      id: 1,
      at: '',
      actor: { kind: 'staff', id: 's', name: 'М' },
      action: 'pii.revealed',
      entityType: 'ticket',
      entityId: 't',
      number: null,
      ip: null,
      data: { field: 'passport_data', reason: 'проверка', number: 'PD-1', nested: { a: 1 } },
    };
    expect(auditReason(entry)).toBe('проверка');
    expect(auditNumber(entry)).toBe('PD-1');
    // A guest's «filed» row carries no number in its data: the server's number is linked.
    const filed = { ...entry, action: 'ticket.filed', number: 'PD-1000071', data: { status: 'unconfirmed', formVersion: 1 } };
    expect(auditReason(filed)).toBeNull();
    expect(auditNumber(filed)).toBe('PD-1000071');
    expect(auditNumber({ ...filed, entityType: 'customer' })).toBeNull();
  });
});
