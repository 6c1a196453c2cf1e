import { TableBuffer } from './table-buffer';

/** One buffer per table, in foreign-key order: flushing them in this order never breaks a reference. */
export class SeedTables {
  readonly units = new TableBuffer(
    'units',
    [
      { name: 'id', type: 'uuid' },
      { name: 'seq', type: 'bigint' },
      { name: 'kind', type: 'varchar' },
      { name: 'name', type: 'varchar' },
      { name: 'code', type: 'varchar' },
      { name: 'parent_id', type: 'uuid' },
      { name: 'path', type: 'text' },
      { name: 'depth', type: 'smallint' },
      { name: 'residents', type: 'integer' },
      { name: 'households', type: 'integer' },
      { name: 'area_m2', type: 'numeric' },
    ],
    { overridingSystemValue: true },
  );

  readonly people = new TableBuffer('people', [
    { name: 'id', type: 'uuid' },
    { name: 'name', type: 'varchar' },
    { name: 'phone_cipher', type: 'text' },
    { name: 'phone_index', type: 'varchar' },
    { name: 'phone_masked', type: 'varchar' },
    { name: 'id_number_cipher', type: 'text' },
    { name: 'id_number_index', type: 'varchar' },
    { name: 'id_number_masked', type: 'varchar' },
    { name: 'gender', type: 'varchar' },
    { name: 'birth_date', type: 'date' },
    { name: 'residence_unit_id', type: 'uuid' },
    { name: 'residence_path', type: 'text' },
    { name: 'external_id', type: 'varchar' },
  ]);

  readonly organizations = new TableBuffer('party_organizations', [
    { name: 'id', type: 'uuid' },
    { name: 'kind', type: 'varchar' },
    { name: 'name', type: 'varchar' },
    { name: 'code', type: 'varchar' },
    { name: 'unit_id', type: 'uuid' },
    { name: 'unit_path', type: 'text' },
    { name: 'parent_id', type: 'uuid' },
    { name: 'member_count', type: 'integer' },
    { name: 'full_member_count', type: 'integer' },
  ]);

  readonly coverage = new TableBuffer('organization_coverage', [
    { name: 'organization_id', type: 'uuid' },
    { name: 'unit_id', type: 'uuid' },
    { name: 'unit_path', type: 'text' },
  ]);

  readonly institutions = new TableBuffer('institutions', [
    { name: 'id', type: 'uuid' },
    { name: 'kind', type: 'varchar' },
    { name: 'name', type: 'varchar' },
    { name: 'code', type: 'varchar' },
    { name: 'unit_id', type: 'uuid' },
    { name: 'unit_path', type: 'text' },
    { name: 'party_organization_id', type: 'uuid' },
  ]);

  readonly members = new TableBuffer('party_members', [
    { name: 'id', type: 'uuid' },
    { name: 'person_id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'category', type: 'varchar' },
    { name: 'status', type: 'varchar' },
    { name: 'joined_at', type: 'date' },
    { name: 'residence_path', type: 'text' },
  ]);

  readonly officers = new TableBuffer('organization_officers', [
    { name: 'id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'person_id', type: 'uuid' },
    { name: 'role', type: 'varchar' },
    { name: 'term_start', type: 'date' },
    { name: 'term_end', type: 'date' },
  ]);

  readonly staffRoles = new TableBuffer('staff_roles', [
    { name: 'id', type: 'uuid' },
    { name: 'person_id', type: 'uuid' },
    { name: 'role', type: 'varchar' },
    { name: 'unit_id', type: 'uuid' },
    { name: 'unit_path', type: 'text' },
  ]);

  readonly dualRegistrations = new TableBuffer('dual_registrations', [
    { name: 'id', type: 'uuid' },
    { name: 'kind', type: 'varchar' },
    { name: 'community_unit_id', type: 'uuid' },
    { name: 'community_path', type: 'text' },
    { name: 'member_id', type: 'uuid' },
    { name: 'organization_id', type: 'uuid' },
    { name: 'institution_id', type: 'uuid' },
    { name: 'period_start', type: 'date' },
    { name: 'period_end', type: 'date' },
    { name: 'commitments', type: 'text' },
  ]);

  /** Flush order (parents first). */
  all(): TableBuffer[] {
    return [
      this.units,
      this.people,
      this.organizations,
      this.coverage,
      this.institutions,
      this.members,
      this.officers,
      this.staffRoles,
      this.dualRegistrations,
    ];
  }

  pendingRows(): number {
    return this.all().reduce((sum, table) => sum + table.size, 0);
  }
}
