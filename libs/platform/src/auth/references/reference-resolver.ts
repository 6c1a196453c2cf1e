import { EntityManager } from 'typeorm';

/**
 * Where the records of one kind lie in the unit tree, for scope checks on ids a request carries.
 * The module that owns the kind registers one (organization: `unit`, `person`, `organization`;
 * points: `reward`, …) in `ReferenceResolvers`; the kernel knows none.
 */
export interface ReferenceResolver {
  /** The kind, e.g. `person`; one resolver per kind. */
  readonly kind: string;
  /** Shown in the 404 problem: `未找到该人员`. */
  readonly displayName: string;
  /**
   * id → the unit path the record lies at (`null`: a deployment-wide record, reachable only with a
   * deployment-wide grant). Unknown ids are absent. `ScopedReferences` passes well-formed UUIDs
   * only (a malformed id is 404 before any resolver runs). One round trip for all ids.
   */
  pathsOf(ids: string[], manager?: EntityManager): Promise<Map<string, string | null>>;
}

/** The ids a request names, by kind: `{ person: dto.personId, unit: [a, b] }`; undefined entries are skipped. */
export type References = Record<string, string | readonly string[] | null | undefined>;
