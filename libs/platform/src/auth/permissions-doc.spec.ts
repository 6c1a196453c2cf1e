import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERMISSIONS, Permission } from './permissions';
import { ROLES } from './roles';

describe('docs/auth-and-permissions.md', () => {
  const doc = readFileSync(join(__dirname, '../../../../docs/auth-and-permissions.md'), 'utf8');

  it.each(Object.keys(PERMISSIONS) as Permission[])(
    'shows the roles of %s exactly as the matrix grants them',
    (permission) => {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${permission}\` |`));
      expect(row).toBeDefined();
      const cells = (row ?? '')
        .split('|')
        .slice(2, 2 + ROLES.length)
        .map((cell) => cell.trim() === '✓');
      expect(cells).toEqual(ROLES.map((role) => PERMISSIONS[permission].roles.includes(role)));
    },
  );
});
