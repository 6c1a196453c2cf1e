import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordHasher, Role } from '@linli/platform';
import { TestApi } from '../boot';

export interface GrantSpec {
  role: Role;
  /** Omit (or null) for a deployment-wide grant. */
  unitId?: string | null;
  unitPath?: string | null;
}

export interface UserOverrides {
  username?: string;
  password?: string;
  displayName?: string | null;
  personId?: string | null;
  /** Home unit (also the unit of `role`'s grant unless `grants` says otherwise). */
  unitId?: string | null;
  unitPath?: string | null;
  /** One grant of this role at the home unit (deployment-wide when there is none). */
  role?: Role;
  /** Explicit grants (instead of, or besides, `role`). */
  grants?: GrantSpec[];
  isActive?: boolean;
}

export interface CreatedUser {
  id: string;
  username: string;
  password: string;
  personId: string | null;
  unitId: string | null;
  unitPath: string | null;
  /** Ids of the grants, in the order given (`role` first). */
  grantIds: string[];
}

const hasher = new PasswordHasher();
const hashes = new Map<string, Promise<string>>();
let sequence = 0;

function hashOf(password: string): Promise<string> {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hasher.hash(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

function dataSourceOf(target: TestApi | DataSource): DataSource {
  return target instanceof DataSource ? target : target.app.get(DataSource);
}

/**
 * Inserts an account (and its grants) straight into the database: fast, valid, overridable.
 * `createUser(api, { role: 'admin', unitId, unitPath })` → ids and credentials for `api.login`.
 */
export async function createUser(target: TestApi | DataSource, overrides: UserOverrides = {}): Promise<CreatedUser> {
  sequence += 1;
  const username = overrides.username ?? `user-${sequence}-${randomUUID().slice(0, 8)}`;
  const password = overrides.password ?? 'factory-password-123';
  const unitId = overrides.unitId ?? null;
  const unitPath = overrides.unitPath ?? null;
  if ((unitId === null) !== (unitPath === null)) throw new Error('createUser: give unitId and unitPath together');
  const grants: GrantSpec[] = [
    ...(overrides.role ? [{ role: overrides.role, unitId, unitPath }] : []),
    ...(overrides.grants ?? []),
  ];
  const passwordHash = await hashOf(password);
  return dataSourceOf(target).transaction(async (manager) => {
    const [user] = (await manager.query(
      `INSERT INTO users (username, password_hash, display_name, person_id, unit_id, unit_path, is_active)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        username,
        passwordHash,
        overrides.displayName ?? null,
        overrides.personId ?? null,
        unitId,
        unitPath,
        overrides.isActive ?? true,
      ],
    )) as { id: string }[];
    const grantIds: string[] = [];
    for (const grant of grants) {
      const [row] = (await manager.query(
        `INSERT INTO role_grants (user_id, role, unit_id, unit_path) VALUES ($1, $2, $3, $4) RETURNING id`,
        [user.id, grant.role, grant.unitId ?? null, grant.unitPath ?? null],
      )) as { id: string }[];
      grantIds.push(row.id);
    }
    return { id: user.id, username, password, personId: overrides.personId ?? null, unitId, unitPath, grantIds };
  });
}

/** `createUser` and a login through the api: the account plus its bearer token. */
export async function createLoggedInUser(
  api: TestApi,
  overrides: UserOverrides = {},
): Promise<CreatedUser & { token: string }> {
  const user = await createUser(api, overrides);
  return { ...user, token: await api.login(user.username, user.password) };
}
