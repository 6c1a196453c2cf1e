import { PathCopy, SchemaPart } from './schema-part';

function camelCase(table: string): string {
  return table.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The schema parts an app was built with, for the mechanisms that span them (unit-path copies). */
export class SchemaCatalog {
  constructor(private readonly parts: SchemaPart[]) {}

  /** Every declared unit-path copy, each with its audit key. */
  pathCopies(): Required<PathCopy>[] {
    return this.parts
      .flatMap((p) => p.pathCopies ?? [])
      .map((copy) => ({ ...copy, key: copy.key ?? camelCase(copy.table) }));
  }
}
