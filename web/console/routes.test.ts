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
    expect(ticketPath('PD-1')).toBe('/console/tickets/PD-1');
  });
});
