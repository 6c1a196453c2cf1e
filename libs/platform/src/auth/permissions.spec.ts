import { hasPermission, Permission, PERMISSIONS, permissionsOf, roleHas } from './permissions';
import { ROLE_DISPLAY, ROLES } from './roles';

describe('the permission matrix', () => {
  it('has a rule with at least one role and a description for every permission', () => {
    for (const permission of Object.values(Permission)) {
      expect(PERMISSIONS[permission].roles.length).toBeGreaterThan(0);
      expect(PERMISSIONS[permission].description).not.toBe('');
      for (const role of PERMISSIONS[permission].roles) expect(ROLES).toContain(role);
    }
  });

  it('names permissions as dotted area.verb', () => {
    for (const permission of Object.values(Permission)) expect(permission).toMatch(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/);
  });

  it('gives the admin every permission (everything in scope)', () => {
    expect(permissionsOf('admin')).toEqual(Object.values(Permission));
  });

  it('keeps the auditor read-only, audit log included', () => {
    expect(permissionsOf('auditor').every((permission) => permission.endsWith('.read'))).toBe(true);
    expect(roleHas('auditor', Permission.AuditRead)).toBe(true);
    expect(roleHas('auditor', Permission.UsersManage)).toBe(false);
  });

  it('reserves account management and the queue dashboard to admins', () => {
    expect(PERMISSIONS[Permission.UsersManage].roles).toEqual(['admin']);
    expect(PERMISSIONS[Permission.QueuesManage].roles).toEqual(['admin']);
  });

  it('grants a permission when any one grant carries it, whatever its unit', () => {
    const grant = (role: (typeof ROLES)[number]) => ({ id: role, role, unitId: 'u', unitPath: 'city.a' });
    expect(hasPermission({ grants: [grant('grid_worker'), grant('auditor')] }, Permission.AuditRead)).toBe(true);
    expect(hasPermission({ grants: [grant('grid_worker'), grant('store_clerk')] }, Permission.AuditRead)).toBe(false);
    expect(hasPermission({ grants: [] }, Permission.UsersRead)).toBe(false);
  });

  it('has a Chinese name for every role', () => {
    expect(ROLE_DISPLAY).toEqual({
      admin: '管理员',
      secretary: '书记',
      grid_worker: '网格员',
      store_clerk: '兑换员',
      auditor: '审计员',
    });
  });
});
