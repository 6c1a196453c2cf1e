import { MixedList, EntitySchema } from 'typeorm';

/**
 * A denormalized copy of a unit path in a lib's table: when a subtree of the unit tree moves, the
 * kernel's `UnitPathMaintenance` rewrites it in the move's transaction. `key` names the copy in the
 * move's audit entry (default: the table name in camelCase).
 */
export interface PathCopy {
  table: string;
  column: string;
  key?: string;
}

/**
 * What a lib contributes to the one database schema: the tables it owns (no other lib's SQL names
 * them), its entities and migrations (listed explicitly), and the unit-path copies it keeps.
 */
export interface SchemaPart {
  tables: string[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  pathCopies?: PathCopy[];
}

export function mergeSchemaParts(...parts: SchemaPart[]): SchemaPart {
  return {
    tables: parts.flatMap((p) => p.tables),
    entities: parts.flatMap((p) => p.entities as never[]),
    migrations: parts.flatMap((p) => p.migrations as never[]),
    pathCopies: parts.flatMap((p) => p.pathCopies ?? []),
  };
}
