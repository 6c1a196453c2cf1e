import { MemberCategory, MemberStatus } from '../../members/member-category';

/** A member row that passed validation, with the person and organization it resolved to. */
export interface MemberImportRow {
  row: number;
  personExternalId: string;
  personId: string;
  residencePath: string;
  organizationId: string;
  organizationUnitId: string;
  organizationUnitPath: string;
  category: MemberCategory;
  status: MemberStatus;
  joinedAt: string;
}

export interface MembersImportPlan {
  rowCount: number;
  rows: MemberImportRow[];
}
