import { SchemaPart } from '@linli/platform';
import { DualRegistrationEntity } from './dual-registrations/dual-registration.entity';
import { ImportBatchEntity } from './imports/import-batch.entity';
import { InstitutionEntity } from './institutions/institution.entity';
import { MemberTransferEntity } from './members/member-transfer.entity';
import { PartyMemberEntity } from './members/party-member.entity';
import { CreateOrganization1795330000000 } from './migrations/1795330000000-CreateOrganization';
import { AddImportBatchScope1795330300000 } from './migrations/1795330300000-AddImportBatchScope';
import { AddPeopleNameIndexes1795330100000 } from './migrations/1795330100000-AddPeopleNameIndexes';
import { AddPeopleHousehold1795370100000 } from './migrations/1795370100000-AddPeopleHousehold';
import { CreateAnalyticsReadModel1795330400000 } from './migrations/1795330400000-CreateAnalyticsReadModel';
import { OrganizationCoverageEntity } from './party-organizations/organization-coverage.entity';
import { OrganizationOfficerEntity } from './party-organizations/organization-officer.entity';
import { PartyOrganizationEntity } from './party-organizations/party-organization.entity';
import { PersonEntity } from './people/person.entity';
import { StaffRoleEntity } from './staff-roles/staff-role.entity';
import { StructureFindingEntity } from './structure-check/structure-finding.entity';
import { UnitEntity } from './units/unit.entity';

export const organizationSchema: SchemaPart = {
  tables: [
    'units',
    'people',
    'party_organizations',
    'organization_coverage',
    'organization_officers',
    'party_members',
    'member_transfers',
    'institutions',
    'dual_registrations',
    'staff_roles',
    'structure_findings',
    'import_batches',
    'organization_community_rollups',
    'organization_rollup_dirty',
    'organization_structure_rules',
  ],
  pathCopies: [
    { table: 'people', column: 'residence_path' },
    { table: 'party_members', column: 'residence_path' },
    { table: 'party_organizations', column: 'unit_path' },
    { table: 'organization_coverage', column: 'unit_path' },
    { table: 'institutions', column: 'unit_path' },
    { table: 'dual_registrations', column: 'community_path' },
    { table: 'staff_roles', column: 'unit_path' },
    { table: 'structure_findings', column: 'unit_path' },
    { table: 'import_batches', column: 'unit_path' },
  ],
  entities: [
    UnitEntity,
    PersonEntity,
    PartyOrganizationEntity,
    OrganizationCoverageEntity,
    OrganizationOfficerEntity,
    PartyMemberEntity,
    MemberTransferEntity,
    InstitutionEntity,
    DualRegistrationEntity,
    StaffRoleEntity,
    StructureFindingEntity,
    ImportBatchEntity,
  ],
  migrations: [
    CreateOrganization1795330000000,
    AddPeopleNameIndexes1795330100000,
    AddImportBatchScope1795330300000,
    CreateAnalyticsReadModel1795330400000,
    AddPeopleHousehold1795370100000,
  ],
};
