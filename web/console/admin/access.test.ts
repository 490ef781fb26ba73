import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/auth';
import { adminAccess, isAdminPath, tabAccess, tabForPath } from './access';

const staff = (roles: string[]): Me => ({
  kind: 'staff',
  user: { id: 'x', email: null, phone: null, name: 'X', roles, locale: 'ru' },
});

describe('admin section access and paths', () => {
  it('lets admins edit, supervisors read, and nobody else in', () => {
    expect(adminAccess(staff(['admin']))).toBe('edit');
    expect(adminAccess(staff(['supervisor', 'operator']))).toBe('read');
    expect(adminAccess(staff(['operator']))).toBe('none');
    expect(
      adminAccess({ kind: 'customer', user: { id: 'c', email: null, phone: null, name: 'C', roles: ['admin'], locale: 'ru' } }),
    ).toBe('none');
  });

  it('maps paths to tabs', () => {
    expect(isAdminPath('/console/admin')).toBe(true);
    expect(isAdminPath('/console/admin/sla')).toBe(true);
    expect(isAdminPath('/console/administration')).toBe(false);
    expect(tabForPath('/console/admin/')).toBe('catalog');
    expect(tabForPath('/console/admin/canned')).toBe('canned');
    expect(tabForPath('/console/admin/staff')).toBe('staff');
    expect(tabForPath('/console/admin/nope')).toBeNull();
  });

  it('lets supervisors act on the wiki and notices tabs and read the rest', () => {
    expect(tabAccess('read', 'wiki')).toBe('edit');
    expect(tabAccess('read', 'notices')).toBe('edit');
    expect(tabAccess('read', 'catalog')).toBe('read');
    expect(tabAccess('read', 'contacts')).toBe('read');
    expect(tabAccess('read', 'staff')).toBe('read');
    expect(tabAccess('edit', 'staff')).toBe('edit');
    expect(tabAccess('edit', 'catalog')).toBe('edit');
    expect(tabAccess('none', 'wiki')).toBe('none');
  });
});
