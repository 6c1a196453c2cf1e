import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';
import { Role } from './roles';

/**
 * The kernel's read API over accounts and grants for domain code: no lib's SQL names `users` or
 * `role_grants`. Batch-first: each method takes many keys and answers in one query.
 */
@Injectable()
export class AccountsDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** personId → the active account linked to that person (a person has at most one). */
  async accountsOfPeople(
    personIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ person_id: string; id: string }>(
      manager,
      'SELECT person_id, id FROM users WHERE person_id = ANY($1::uuid[]) AND is_active',
      [ids],
    );
    return new Map(rows.map((row) => [row.person_id, row.id]));
  }

  /** How many accounts have their home unit, and how many grants are held, exactly at `unitPath` (a unit about to be deleted). */
  async heldAt(
    unitPath: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ accounts: number; grants: number }> {
    const [row] = await queryRows<{ accounts: number; grants: number }>(
      manager,
      `SELECT (SELECT count(*) FROM users WHERE unit_path = $1)::integer AS accounts, (SELECT count(*) FROM role_grants WHERE unit_path = $1)::integer AS grants`,
      [unitPath],
    );
    return row;
  }

  /**
   * Which of `userIds` are active accounts holding one of `roles` at `unitPath` or above it (a
   * deployment-wide grant included): who may act on a record there, e.g. a case's handler.
   */
  async holdersAt(
    userIds: string[],
    roles: readonly Role[],
    unitPath: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Set();
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id AND u.is_active
        WHERE g.user_id = ANY($1::uuid[]) AND g.role = ANY($2::varchar[])
          AND (g.unit_path IS NULL OR $3 = g.unit_path OR starts_with($3, g.unit_path || '.'))`,
      [ids, roles, unitPath],
    );
    return new Set(rows.map((row) => row.user_id));
  }

  /**
   * For each unit path, the active accounts holding `role` at the nearest grant at or above it (a
   * grant at the path itself wins over one at its street, which wins over a deployment-wide one).
   * Paths nobody answers for are absent. User ids are sorted.
   */
  async nearestRoleHolders(
    role: Role,
    unitPaths: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    const paths = [...new Set(unitPaths)];
    if (paths.length === 0) return result;
    const rows = await queryRows<{ path: string; user_id: string; reach: number }>(
      manager,
      `SELECT DISTINCT ON (c.path, g.user_id) c.path, g.user_id, coalesce(length(g.unit_path), 0) AS reach
         FROM unnest($2::text[]) AS c(path)
         JOIN role_grants g ON g.role = $1 AND (g.unit_path IS NULL OR c.path = g.unit_path OR starts_with(c.path, g.unit_path || '.'))
         JOIN users u ON u.id = g.user_id AND u.is_active
        ORDER BY c.path, g.user_id, reach DESC`,
      [role, paths],
    );
    const nearest = new Map<string, number>();
    for (const row of rows) {
      const best = nearest.get(row.path) ?? -1;
      if (row.reach > best) {
        nearest.set(row.path, row.reach);
        result.set(row.path, [row.user_id]);
      } else if (row.reach === best) result.get(row.path)?.push(row.user_id);
    }
    for (const users of result.values()) users.sort();
    return result;
  }
}
