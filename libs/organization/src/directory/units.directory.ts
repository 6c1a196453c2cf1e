import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  NotFoundProblem,
  Permission,
  queryRows,
  ScopeService,
  descendantsPattern,
  pathPrefixes,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { enclosingPath, FixedDepthKind, UnitKind } from '../units/unit-kind';
import { lockUnitTree } from '../units/unit-tree.lock';
import { DirectoryUnit } from './directory-types';
import { knownIds } from './known-ids';

interface UnitRow {
  id: string;
  kind: UnitKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  parent_id: string | null;
}

const UNIT_COLUMNS = 'id, kind, name, code, path, depth, parent_id';

function toUnit(row: UnitRow): DirectoryUnit {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    code: row.code,
    path: row.path,
    depth: Number(row.depth),
    parentId: row.parent_id,
  };
}

/** The unit-tree half of organization's directory (see `OrganizationDirectory`). */
@Injectable()
export class UnitsDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** id → unit; unknown ids are absent. */
  async byIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, DirectoryUnit>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<UnitRow>(manager, `SELECT ${UNIT_COLUMNS} FROM units WHERE id = ANY($1::uuid[])`, [
      unique,
    ]);
    return new Map(rows.map((row) => [row.id, toUnit(row)]));
  }

  /** path → unit; unknown paths are absent. */
  async byPaths(
    paths: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DirectoryUnit>> {
    const unique = [...new Set(paths)];
    if (unique.length === 0) return new Map();
    const rows = await queryRows<UnitRow>(manager, `SELECT ${UNIT_COLUMNS} FROM units WHERE path = ANY($1::text[])`, [
      unique,
    ]);
    return new Map(rows.map((row) => [row.path, toUnit(row)]));
  }

  /** path → the units from the root down to the unit at that path itself (one query for all paths). */
  async ancestors(paths: string[], manager?: EntityManager): Promise<Map<string, DirectoryUnit[]>> {
    const unique = [...new Set(paths)];
    const known = await this.byPaths(unique.flatMap(pathPrefixes), manager);
    return new Map(unique.map((path) => [path, pathPrefixes(path).flatMap((prefix) => known.get(prefix) ?? [])]));
  }

  /** path → its community (street, district, city) unit: the one of `kind` at or above it. Paths above that level are absent. */
  async enclosing(paths: string[], kind: FixedDepthKind, manager?: EntityManager): Promise<Map<string, DirectoryUnit>> {
    const wanted = new Map<string, string>();
    for (const path of new Set(paths)) {
      const at = enclosingPath(path, kind);
      if (at !== undefined) wanted.set(path, at);
    }
    const units = await this.byPaths([...wanted.values()], manager);
    const result = new Map<string, DirectoryUnit>();
    for (const [path, at] of wanted) {
      const unit = units.get(at);
      if (unit) result.set(path, unit);
    }
    return result;
  }

  /** The units of `kinds` inside the subtree at `path` (the unit itself included when of a wanted kind), by path. */
  async descendants(
    path: string,
    kinds: UnitKind[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DirectoryUnit[]> {
    const rows = await queryRows<UnitRow>(
      manager,
      `SELECT ${UNIT_COLUMNS} FROM units WHERE kind = ANY($1::varchar[]) AND (path = $2 OR path LIKE $3) ORDER BY path`,
      [kinds, path, descendantsPattern(path)],
    );
    return rows.map(toUnit);
  }

  /** Every unit of `kinds` in the deployment (e.g. all communities, for a job that runs per community), by path. */
  async allOfKinds(kinds: UnitKind[], manager: EntityManager = this.dataSource.manager): Promise<DirectoryUnit[]> {
    const rows = await queryRows<UnitRow>(
      manager,
      `SELECT ${UNIT_COLUMNS} FROM units WHERE kind = ANY($1::varchar[]) ORDER BY path`,
      [kinds],
    );
    return rows.map(toUnit);
  }

  /** The unit if the caller holds `permission` there; 404 when unknown or out of scope alike. */
  async reachable(
    user: AuthenticatedUser,
    permission: Permission,
    id: string,
    manager?: EntityManager,
  ): Promise<DirectoryUnit> {
    const unit = (await this.byIds([id], manager)).get(id);
    if (!unit || !this.scope.canReach(user, permission, unit.path)) throw new NotFoundProblem('该单位');
    return unit;
  }

  /**
   * For a write that stores unit ids and copies of their paths: inside the caller's transaction,
   * locks the tree against moves (shared; a move holds it exclusively) and the units against
   * deletion, then returns them. Unknown ids are absent.
   */
  async anchorMany(manager: EntityManager, ids: string[]): Promise<Map<string, DirectoryUnit>> {
    await lockUnitTree(manager, 'shared');
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<UnitRow>(
      manager,
      `SELECT ${UNIT_COLUMNS} FROM units WHERE id = ANY($1::uuid[]) FOR SHARE`,
      [unique],
    );
    return new Map(rows.map((row) => [row.id, toUnit(row)]));
  }

  /** `anchorMany` for one unit; 404 when unknown. */
  async anchor(manager: EntityManager, id: string): Promise<DirectoryUnit> {
    const unit = (await this.anchorMany(manager, [id])).get(id);
    if (!unit) throw new NotFoundProblem('该单位');
    return unit;
  }
}
