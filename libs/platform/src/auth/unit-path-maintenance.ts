import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * For the module that owns the unit tree: when a subtree moves (its path changes), the stored paths
 * of accounts and grants follow, in the caller's transaction. Audit entries keep the path they had.
 */
@Injectable()
export class UnitPathMaintenance {
  constructor(private readonly dataSource: DataSource) {}

  async moveSubtree(oldPath: string, newPath: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const like = `${oldPath.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
    for (const table of ['users', 'role_grants']) {
      await manager.query(
        `UPDATE ${table} SET unit_path = $2 || substr(unit_path, length($1) + 1) WHERE unit_path = $1 OR unit_path LIKE $3`,
        [oldPath, newPath, like],
      );
    }
  }
}
