import { MixedList, EntitySchema } from 'typeorm';

/** What a lib contributes to the one database schema: its entities and migrations, listed explicitly. */
export interface SchemaPart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export function mergeSchemaParts(...parts: SchemaPart[]): { entities: SchemaPart['entities'][]; migrations: SchemaPart['migrations'][] } {
  return {
    entities: parts.flatMap((p) => p.entities as never[]),
    migrations: parts.flatMap((p) => p.migrations as never[]),
  };
}
