import { SchemaPart } from '../database/schema-part';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { UserEntity } from './entities/user.entity';
import { CreateUsersAndRoleGrants1795320000000 } from './migrations/1795320000000-CreateUsersAndRoleGrants';
import { AddUserPasswordChangeRequired1795360100000 } from './migrations/1795360100000-AddUserPasswordChangeRequired';
import { NotifyAccountChanges1795400000000 } from './migrations/1795400000000-NotifyAccountChanges';

export const authSchema: SchemaPart = {
  tables: ['users', 'role_grants'],
  pathCopies: [
    { table: 'users', column: 'unit_path' },
    { table: 'role_grants', column: 'unit_path' },
  ],
  entities: [UserEntity, RoleGrantEntity],
  migrations: [
    CreateUsersAndRoleGrants1795320000000,
    AddUserPasswordChangeRequired1795360100000,
    NotifyAccountChanges1795400000000,
  ],
};
