import { DualRegistrationKind } from '../dual-registrations/dual-registration.entity';
import { InstitutionKind } from '../institutions/institution-kind';
import { MemberCategory, MemberStatus } from '../members/member-category';
import { OrganizationKind } from '../party-organizations/organization-kind';
import { StaffRoleKind } from '../staff-roles/staff-role-kind';
import { UnitKind } from '../units/unit-kind';

/** What other domains may know of organization's data: the directory's answers. */

export interface DirectoryUnit {
  id: string;
  kind: UnitKind;
  name: string;
  code: string | null;
  path: string;
  depth: number;
  parentId: string | null;
}

export interface DirectoryPerson {
  id: string;
  name: string;
  residenceUnitId: string;
  residencePath: string;
  /** ISO date, when known. */
  birthDate: string | null;
  /** The active account linked to the person, if any. */
  userId: string | null;
}

export interface DirectoryMembership {
  personId: string;
  memberId: string;
  /** The organization holding the member's organizational relation (组织关系). */
  organizationId: string;
  status: MemberStatus;
  category: MemberCategory;
  residencePath: string;
  /** The organizations the member's contributions count for (双积分): their own and, with a member dual registration in force, the workplace institution's. Sorted. */
  countsFor: string[];
}

export interface DirectoryOrganization {
  id: string;
  kind: OrganizationKind;
  name: string;
  unitId: string;
  unitPath: string;
  coveredUnitIds: string[];
  /** The current secretary's person id, if the organization has one. */
  secretaryPersonId: string | null;
}

export interface DirectoryInstitution {
  id: string;
  kind: InstitutionKind;
  name: string;
  unitId: string;
  unitPath: string;
  partyOrganizationId: string | null;
}

export interface DirectoryDualRegistration {
  id: string;
  kind: DualRegistrationKind;
  communityUnitId: string;
  communityPath: string;
  /** For `member` registrations. */
  memberId: string | null;
  personId: string | null;
  /** For `organization` registrations: the registering organization. */
  organizationId: string | null;
  institutionId: string | null;
  periodStart: string;
  periodEnd: string | null;
}

export interface DirectoryStaffRole {
  personId: string;
  role: StaffRoleKind;
  unitId: string;
  unitPath: string;
}

/** Which dual registrations to read: any of these keys matches; each registration must be in force on `onDate` (`YYYY-MM-DD`). */
export interface DualRegistrationFilter {
  onDate: string;
  communityUnitIds?: string[];
  personIds?: string[];
  organizationIds?: string[];
  kind?: DualRegistrationKind;
}
