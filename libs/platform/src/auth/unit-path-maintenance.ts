import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SchemaCatalog } from '../database/schema-catalog';
import { descendantsPattern } from './unit-paths';

/**
 * For the module that owns the unit tree: when a subtree moves (its path changes), every unit-path
 * copy that a schema part declares (`SchemaPart.pathCopies`: accounts, grants, and each domain's own
 * tables) follows, in one statement inside the caller's transaction. The audit log keeps the path
 * each entry had.
 */
@Injectable()
export class UnitPathMaintenance {
  private readonly statement: string;
  private readonly keys: string[];

  constructor(
    catalog: SchemaCatalog,
    private readonly dataSource: DataSource,
  ) {
    const copies = catalog.pathCopies();
    this.keys = copies.map((copy) => copy.key);
    // $1 old path, $2 new path, $3 LIKE pattern of the old subtree's descendants.
    const updates = copies.map(
      ({ table, column }, i) =>
        `c${i} AS (UPDATE ${table} SET ${column} = $2 || substr(${column}, length($1) + 1) WHERE ${column} = $1 OR ${column} LIKE $3 RETURNING 1)`,
    );
    const counts = copies.map((_, i) => `(SELECT count(*) FROM c${i})::integer AS c${i}`);
    this.statement = copies.length === 0 ? '' : `WITH ${updates.join(',\n')}\nSELECT ${counts.join(', ')}`;
  }

  /** Rewrites every copy of a path inside `oldPath`'s subtree; returns the rows rewritten per copy key. */
  async moveSubtree(
    oldPath: string,
    newPath: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Record<string, number>> {
    if (this.statement === '') return {};
    const [row] = (await manager.query(this.statement, [oldPath, newPath, descendantsPattern(oldPath)])) as Record<
      string,
      number
    >[];
    return Object.fromEntries(this.keys.map((key, i) => [key, row[`c${i}`]]));
  }
}
