/** What the generator keeps in memory about the rows it wrote, while it builds one community. */

export type OrgKind = 'committee' | 'general_branch' | 'branch' | 'joint_branch' | 'party_group';

export interface Unit {
  id: string;
  path: string;
  depth: number;
}

export interface Grid extends Unit {
  index: number;
}

export interface Complex extends Unit {
  index: number;
  gridIndex: number;
  memberDensity: number;
  buildings: number[];
}

export interface Building extends Unit {
  complexIndex: number;
  gridIndex: number;
}

/** A community's units, as laid out by `layOutCommunity`. */
export interface CommunityLayout {
  grids: Grid[];
  complexes: Complex[];
  buildings: Building[];
}

export interface Person {
  id: string;
  /** Where the person lives: a building, a complex, a grid or the community itself. */
  residence: Unit;
  complexIndex: number;
  buildingIndex: number;
  gridIndex: number;
  birthYear: number;
}

export interface Member {
  id: string;
  person: Person;
  full: boolean;
  category: string;
  organization: Organization | null;
}

export interface Organization {
  id: string;
  kind: OrgKind;
  name: string;
  unit: Unit;
  parentId: string | null;
  covers: Unit[];
  members: Member[];
  /** No officers (party groups). */
  officerless?: boolean;
}

export interface Institution {
  id: string;
  kind: string;
  name: string;
  organization: Organization | null;
  unit: Unit;
}

/** How many rows one community gets of each kind (exact splits of the scale's totals). */
export interface CommunityQuota {
  grids: number;
  complexes: number;
  buildings: number;
  people: number;
  members: number;
  institutions: number;
}
