import { SchemaPart } from '../database/schema-part';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { UserEntity } from './entities/user.entity';
import { CreateUsersAndRoleGrants1795320000000 } from './migrations/1795320000000-CreateUsersAndRoleGrants';

export const authSchema: SchemaPart = {
  tables: ['users', 'role_grants'],
  pathCopies: [
    { table: 'users', column: 'unit_path' },
    { table: 'role_grants', column: 'unit_path' },
  ],
  entities: [UserEntity, RoleGrantEntity],
  migrations: [CreateUsersAndRoleGrants1795320000000],
};
