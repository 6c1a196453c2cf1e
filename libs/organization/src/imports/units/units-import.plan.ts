import { UnitKind } from '../../units/unit-kind';

/** A unit row that passed validation. Blank optional cells are `undefined` (kept as they are). */
export interface UnitImportRow {
  row: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  residents?: number;
  households?: number;
  areaM2?: string;
}

/** A unit the file creates, at `depth`; its parent is an existing unit, another new row of the file, or none (a city). */
export interface NewUnit extends UnitImportRow {
  depth: number;
  parent: { kind: 'existing'; id: string; path: string } | { kind: 'new'; code: string } | null;
}

/** What a valid units file does: creates (parents first) and possible updates of existing codes. */
export interface UnitsImportPlan {
  rowCount: number;
  creates: NewUnit[];
  updates: (UnitImportRow & { path: string })[];
}
