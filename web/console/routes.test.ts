import { describe, expect, it } from 'vitest';
import { routeForPath, ticketPath } from './routes';

describe('routeForPath', () => {
  it('knows the queues, their API spellings, requests, the audit log and administration', () => {
    expect(routeForPath('/console')).toMatchObject({ kind: 'queue', queue: { id: 'mine' } });
    expect(routeForPath('/console/queues/unassigned/')).toMatchObject({ kind: 'queue', queue: { id: 'unassigned' } });
    expect(routeForPath('/console/queues/at-risk')).toMatchObject({ kind: 'queue', queue: { id: 'at_risk' } });
    expect(routeForPath('/console/queues/at_risk')).toMatchObject({ kind: 'queue', queue: { id: 'at_risk' } });
    expect(routeForPath('/console/queues/breached')).toMatchObject({ kind: 'queue', queue: { id: 'breached' } });
    expect(routeForPath('/console/tickets/PD-1000017')).toEqual({ kind: 'ticket', number: 'PD-1000017' });
    expect(routeForPath('/console/audit')).toEqual({ kind: 'audit' });
    expect(routeForPath('/console/admin/sla')).toEqual({ kind: 'admin' });
    expect(routeForPath('/console/nowhere')).toBeNull();
    expect(routeForPath('/console/tickets/%E0%A4%A')).toBeNull();
    expect(routeForPath('/console/tickets/PD%2D7')).toEqual({ kind: 'ticket', number: 'PD-7' });
    expect(routeForPath('/console/kb')).toEqual({ kind: 'kb', view: { page: 'list' } });
    expect(routeForPath('/console/kb/new/')).toEqual({ kind: 'kb', view: { page: 'new' } });
    expect(routeForPath('/console/kb/articles/0b6f3c1e-2d4a-4f5b-8c9d-0e1f2a3b4c5d')).toEqual({
      kind: 'kb',
      view: { page: 'article', id: '0b6f3c1e-2d4a-4f5b-8c9d-0e1f2a3b4c5d' },
    });
    expect(routeForPath('/console/kb/articles/not-an-id')).toBeNull();
    expect(routeForPath('/console/kb/unanswered')).toEqual({ kind: 'unanswered' });
    expect(routeForPath('/console/admin')).toEqual({ kind: 'admin' });
    expect(routeForPath('/console/queues/nowhere')).toBeNull();
    expect(ticketPath('PD-1')).toBe('/console/tickets/PD-1');
  });
});
