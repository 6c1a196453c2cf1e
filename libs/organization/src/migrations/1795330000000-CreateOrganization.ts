import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organization domain: the unit tree, party organizations and their coverage and officers,
 * people (personal data encrypted), party members and transfers, institutions, dual registrations,
 * staff roles, structure-check findings and import batches.
 *
 * Denormalized unit paths (`*_path`) make every subtree filter an index range scan; moving a
 * subtree rewrites them in the same transaction.
 */
export class CreateOrganization1795330000000 implements MigrationInterface {
  name = 'CreateOrganization1795330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        kind varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        code varchar(64),
        parent_id uuid REFERENCES units (id),
        path text NOT NULL,
        depth smallint NOT NULL,
        residents integer NOT NULL DEFAULT 0,
        households integer NOT NULL DEFAULT 0,
        area_m2 numeric(14, 2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT units_seq_key UNIQUE (seq),
        CONSTRAINT units_path_key UNIQUE (path),
        CONSTRAINT units_kind_check CHECK (kind IN ('city', 'district', 'street', 'community', 'grid', 'complex', 'building')),
        CONSTRAINT units_root_check CHECK ((kind = 'city') = (parent_id IS NULL)),
        CONSTRAINT units_counts_check CHECK (residents >= 0 AND households >= 0 AND (area_m2 IS NULL OR area_m2 >= 0))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX units_code_key ON units (code) WHERE code IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX units_path_prefix_idx ON units (path text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX units_parent_idx ON units (parent_id, name)`);
    await queryRunner.query(`CREATE INDEX units_kind_path_idx ON units (kind, path text_pattern_ops)`);

    await queryRunner.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        phone_cipher text,
        phone_index varchar(64),
        phone_masked varchar(32),
        id_number_cipher text,
        id_number_index varchar(64),
        id_number_masked varchar(32),
        gender varchar(8),
        birth_date date,
        residence_unit_id uuid NOT NULL REFERENCES units (id),
        residence_path text NOT NULL,
        external_id varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT people_gender_check CHECK (gender IS NULL OR gender IN ('male', 'female')),
        CONSTRAINT people_phone_check CHECK ((phone_cipher IS NULL) = (phone_index IS NULL)),
        CONSTRAINT people_id_number_check CHECK ((id_number_cipher IS NULL) = (id_number_index IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX people_external_id_key ON people (external_id) WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX people_id_number_key ON people (id_number_index) WHERE id_number_index IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX people_phone_idx ON people (phone_index) WHERE phone_index IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX people_residence_path_idx ON people (residence_path text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX people_residence_unit_idx ON people (residence_unit_id)`);

    await queryRunner.query(`
      CREATE TABLE party_organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        code varchar(64),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        parent_id uuid REFERENCES party_organizations (id),
        member_count integer NOT NULL DEFAULT 0,
        full_member_count integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT party_organizations_kind_check CHECK (kind IN ('committee', 'general_branch', 'branch', 'joint_branch', 'party_group')),
        CONSTRAINT party_organizations_counts_check CHECK (full_member_count >= 0 AND member_count >= full_member_count)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX party_organizations_code_key ON party_organizations (code) WHERE code IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX party_organizations_unit_path_idx ON party_organizations (unit_path text_pattern_ops)`,
    );
    await queryRunner.query(`CREATE INDEX party_organizations_parent_idx ON party_organizations (parent_id)`);

    await queryRunner.query(`
      CREATE TABLE organization_coverage (
        organization_id uuid NOT NULL REFERENCES party_organizations (id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        PRIMARY KEY (organization_id, unit_id)
      )`);
    await queryRunner.query(`CREATE INDEX organization_coverage_unit_idx ON organization_coverage (unit_id)`);
    await queryRunner.query(
      `CREATE INDEX organization_coverage_unit_path_idx ON organization_coverage (unit_path text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE organization_officers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES party_organizations (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id),
        role varchar(24) NOT NULL,
        term_start date NOT NULL,
        term_end date,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organization_officers_role_check CHECK (role IN ('secretary', 'deputy_secretary', 'committee_member')),
        CONSTRAINT organization_officers_term_check CHECK (term_end IS NULL OR term_end >= term_start)
      )`);
    await queryRunner.query(
      `CREATE INDEX organization_officers_org_idx ON organization_officers (organization_id) WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX organization_officers_term_end_idx ON organization_officers (term_end) WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX organization_officers_one_secretary_key ON organization_officers (organization_id) WHERE role = 'secretary' AND ended_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE party_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people (id),
        organization_id uuid NOT NULL REFERENCES party_organizations (id),
        category varchar(16) NOT NULL,
        status varchar(16) NOT NULL,
        joined_at date NOT NULL,
        residence_path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT party_members_person_key UNIQUE (person_id),
        CONSTRAINT party_members_category_check CHECK (category IN ('resident', 'retired', 'in_service', 'floating', 'new_employment')),
        CONSTRAINT party_members_status_check CHECK (status IN ('full', 'probationary'))
      )`);
    await queryRunner.query(`CREATE INDEX party_members_organization_idx ON party_members (organization_id, status)`);
    await queryRunner.query(
      `CREATE INDEX party_members_residence_path_idx ON party_members (residence_path text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE member_transfers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES party_members (id),
        from_organization_id uuid NOT NULL REFERENCES party_organizations (id),
        to_organization_id uuid NOT NULL REFERENCES party_organizations (id),
        transferred_at timestamptz NOT NULL,
        reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT member_transfers_distinct_check CHECK (from_organization_id <> to_organization_id)
      )`);
    await queryRunner.query(`CREATE INDEX member_transfers_member_idx ON member_transfers (member_id, transferred_at)`);

    await queryRunner.query(`
      CREATE TABLE institutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(24) NOT NULL,
        name varchar(200) NOT NULL,
        code varchar(64),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        party_organization_id uuid REFERENCES party_organizations (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT institutions_kind_check CHECK (kind IN ('agency', 'state_enterprise', 'private_enterprise', 'social_organization', 'new_business'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX institutions_code_key ON institutions (code) WHERE code IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX institutions_unit_path_idx ON institutions (unit_path text_pattern_ops)`);

    await queryRunner.query(`
      CREATE TABLE dual_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        community_unit_id uuid NOT NULL REFERENCES units (id),
        community_path text NOT NULL,
        member_id uuid REFERENCES party_members (id),
        organization_id uuid REFERENCES party_organizations (id),
        institution_id uuid REFERENCES institutions (id),
        period_start date NOT NULL,
        period_end date,
        commitments text,
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dual_registrations_kind_check CHECK (
          (kind = 'member' AND member_id IS NOT NULL AND organization_id IS NULL)
          OR (kind = 'organization' AND organization_id IS NOT NULL AND member_id IS NULL)),
        CONSTRAINT dual_registrations_period_check CHECK (period_end IS NULL OR period_end >= period_start)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX dual_registrations_member_active_key ON dual_registrations (member_id, community_unit_id) WHERE kind = 'member' AND ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX dual_registrations_org_active_key ON dual_registrations (organization_id, community_unit_id) WHERE kind = 'organization' AND ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX dual_registrations_community_path_idx ON dual_registrations (community_path text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE staff_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people (id),
        role varchar(24) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        grant_id uuid,
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CONSTRAINT staff_roles_role_check CHECK (role IN ('grid_worker', 'building_head', 'central_household', 'community_worker'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX staff_roles_active_key ON staff_roles (person_id, role, unit_id) WHERE ended_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX staff_roles_unit_path_idx ON staff_roles (role, unit_path text_pattern_ops) WHERE ended_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE structure_findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_key varchar(16) NOT NULL,
        city_unit_id uuid NOT NULL REFERENCES units (id),
        rule varchar(48) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        organization_id uuid REFERENCES party_organizations (id),
        message text NOT NULL,
        numbers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX structure_findings_period_idx ON structure_findings (period_key, city_unit_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX structure_findings_unit_path_idx ON structure_findings (period_key, unit_path text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE import_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        file_name varchar(255) NOT NULL,
        sha256 varchar(64) NOT NULL,
        row_count integer NOT NULL,
        created_rows integer NOT NULL DEFAULT 0,
        updated_rows integer NOT NULL DEFAULT 0,
        unchanged_rows integer NOT NULL DEFAULT 0,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT import_batches_kind_check CHECK (kind IN ('units', 'people', 'members'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'import_batches',
      'structure_findings',
      'staff_roles',
      'dual_registrations',
      'institutions',
      'member_transfers',
      'party_members',
      'organization_officers',
      'organization_coverage',
      'party_organizations',
      'people',
      'units',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
