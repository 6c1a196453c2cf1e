import { SchemaPart } from '../database/schema-part';
import { RoleGrantEntity } from './entities/role-grant.entity';
import { UserEntity } from './entities/user.entity';
import { CreateUsersAndRoleGrants1795320000000 } from './migrations/1795320000000-CreateUsersAndRoleGrants';

export const authSchema: SchemaPart = {
  entities: [UserEntity, RoleGrantEntity],
  migrations: [CreateUsersAndRoleGrants1795320000000],
};
