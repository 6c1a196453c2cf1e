/**
 * Where unit ids become unit paths. The kernel knows no units; the organization module (or a test)
 * supplies the real directory through `UnitDirectoryRegistry.use()`.
 */
export abstract class UnitDirectory {
  /** unitId → materialized path; unknown ids are absent from the map. */
  abstract resolvePaths(unitIds: string[]): Promise<Map<string, string>>;
}

/** The kernel's default: it knows no unit, so every unit id is unknown (404). */
export class EmptyUnitDirectory extends UnitDirectory {
  async resolvePaths(): Promise<Map<string, string>> {
    return new Map();
  }
}
