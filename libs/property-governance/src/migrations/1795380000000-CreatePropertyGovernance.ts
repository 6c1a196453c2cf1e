import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Property governance (红色物业 / 物业管理): the register of exclusive parts (专有部分) and their owners
 * with history; owners' joint decisions (民法典 第二百七十八条) with a frozen roll of heads and one
 * ballot per head; owners' committees, their members and deadline flags; seats across the complex's
 * bodies (交叉任职); property companies, service contracts, evaluation campaigns, ratings, results and
 * rectification orders. Every complex-located row keeps a copy of its unit's path.
 *
 * Invariants kept here: one part per (complex, building, number); areas positive; one current
 * ownership row per (part, person); one head per (decision, head key) and one ballot per (decision,
 * head key); a closed decision carries its result; committees of 5–11 members are checked in code
 * (the size is a deployment setting), an odd size here; one rating per (campaign, complex, rater).
 */
export class CreatePropertyGovernance1795380000000 implements MigrationInterface {
  name = 'CreatePropertyGovernance1795380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE property_parts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        building varchar(64) NOT NULL,
        number varchar(64) NOT NULL,
        area_m2 numeric(12, 2) NOT NULL,
        area_source varchar(16) NOT NULL DEFAULT 'registered',
        status varchar(20) NOT NULL DEFAULT 'delivered',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_parts_key UNIQUE (complex_id, building, number),
        CONSTRAINT property_parts_area_check CHECK (area_m2 > 0),
        CONSTRAINT property_parts_source_check CHECK (area_source IN ('registered', 'surveyed', 'contract')),
        CONSTRAINT property_parts_status_check CHECK (status IN ('delivered', 'unsold', 'sold_undelivered'))
      )`);
    await queryRunner.query(`CREATE INDEX property_parts_path_idx ON property_parts (unit_path text_pattern_ops)`);
    await queryRunner.query(`
      CREATE TABLE property_part_owners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        part_id uuid NOT NULL REFERENCES property_parts (id),
        person_id uuid NOT NULL REFERENCES people (id),
        started_on date NOT NULL,
        ended_on date,
        recorded_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_part_owners_dates_check CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX property_part_owners_current_key ON property_part_owners (part_id, person_id) WHERE ended_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX property_part_owners_person_idx ON property_part_owners (person_id) WHERE ended_on IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE property_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        title varchar(200) NOT NULL,
        matter varchar(32) NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open',
        electorate_area_m2 numeric(14, 2) NOT NULL,
        electorate_heads integer NOT NULL,
        result jsonb,
        closed_at timestamptz,
        closed_by_user_id uuid REFERENCES users (id),
        closed_by_job varchar(64),
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_decisions_matter_check CHECK (matter IN ('rules_of_procedure', 'management_statute', 'committee_election', 'company_hiring', 'fund_use', 'fund_raising', 'rebuilding', 'common_parts', 'other_major')),
        CONSTRAINT property_decisions_status_check CHECK (status IN ('open', 'closed')),
        CONSTRAINT property_decisions_closed_check CHECK ((status = 'closed') = (result IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT property_decisions_time_check CHECK (closes_at > opens_at),
        CONSTRAINT property_decisions_electorate_check CHECK (electorate_area_m2 >= 0 AND electorate_heads >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX property_decisions_path_idx ON property_decisions (unit_path text_pattern_ops, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX property_decisions_due_idx ON property_decisions (closes_at) WHERE status = 'open'`,
    );
    await queryRunner.query(`
      CREATE TABLE property_decision_heads (
        decision_id uuid NOT NULL REFERENCES property_decisions (id),
        head_key text NOT NULL,
        area_m2 numeric(14, 2) NOT NULL,
        part_ids uuid[] NOT NULL,
        owner_person_ids uuid[] NOT NULL,
        developer boolean NOT NULL DEFAULT false,
        PRIMARY KEY (decision_id, head_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX property_decision_heads_owners_idx ON property_decision_heads USING gin (owner_person_ids)`,
    );
    await queryRunner.query(`
      CREATE TABLE property_ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        decision_id uuid NOT NULL REFERENCES property_decisions (id),
        head_key text NOT NULL,
        choice varchar(16) NOT NULL,
        area_m2 numeric(14, 2) NOT NULL,
        owner_person_id uuid REFERENCES people (id),
        channel varchar(8) NOT NULL DEFAULT 'online',
        evidence varchar(200),
        proxy_person_id uuid REFERENCES people (id),
        recorded_by_user_id uuid REFERENCES users (id),
        cast_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_ballots_key UNIQUE (decision_id, head_key),
        CONSTRAINT property_ballots_choice_check CHECK (choice IN ('agree', 'disagree', 'abstain')),
        CONSTRAINT property_ballots_channel_check CHECK (channel IN ('online', 'paper', 'proxy')),
        CONSTRAINT property_ballots_evidence_check CHECK (channel = 'online' OR (evidence IS NOT NULL AND recorded_by_user_id IS NOT NULL)),
        CONSTRAINT property_ballots_proxy_check CHECK ((channel = 'proxy') = (proxy_person_id IS NOT NULL)),
        CONSTRAINT property_ballots_foreign_key FOREIGN KEY (decision_id, head_key) REFERENCES property_decision_heads (decision_id, head_key)
      )`);

    await queryRunner.query(`
      CREATE TABLE property_committees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        election_decision_id uuid REFERENCES property_decisions (id),
        elected_on date NOT NULL,
        term_ends_on date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'active',
        chair_person_id uuid REFERENCES people (id),
        vice_chair_person_id uuid REFERENCES people (id),
        officers_chosen_on date,
        filed_on date,
        filing_reference varchar(200),
        ended_on date,
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_committees_status_check CHECK (status IN ('active', 'ended')),
        CONSTRAINT property_committees_term_check CHECK (term_ends_on > elected_on AND term_ends_on <= elected_on + interval '5 years'),
        CONSTRAINT property_committees_filing_check CHECK ((filed_on IS NULL) = (filing_reference IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX property_committees_active_key ON property_committees (complex_id) WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX property_committees_path_idx ON property_committees (unit_path text_pattern_ops)`,
    );
    await queryRunner.query(`
      CREATE TABLE property_committee_members (
        committee_id uuid NOT NULL REFERENCES property_committees (id),
        person_id uuid NOT NULL REFERENCES people (id),
        joined_on date NOT NULL,
        left_on date,
        PRIMARY KEY (committee_id, person_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE property_committee_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL REFERENCES property_committees (id),
        description text NOT NULL,
        changed_on date NOT NULL,
        reported_on date,
        recorded_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE property_committee_flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL REFERENCES property_committees (id),
        kind varchar(24) NOT NULL,
        subject_id uuid NOT NULL,
        due_on date NOT NULL,
        flagged_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT property_committee_flags_kind_check CHECK (kind IN ('officers-overdue', 'filing-overdue', 'change-report-overdue', 'term-ending')),
        CONSTRAINT property_committee_flags_key UNIQUE (committee_id, kind, subject_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE property_seats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        body varchar(24) NOT NULL,
        role varchar(24) NOT NULL,
        person_id uuid NOT NULL REFERENCES people (id),
        started_on date NOT NULL,
        ended_on date,
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_seats_body_check CHECK (body IN ('party_branch', 'owners_committee', 'deliberation_council', 'supervisory_council', 'building_heads', 'owner_representatives', 'company')),
        CONSTRAINT property_seats_dates_check CHECK (ended_on IS NULL OR ended_on >= started_on)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX property_seats_current_key ON property_seats (complex_id, body, role, person_id) WHERE ended_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX property_seats_path_idx ON property_seats (unit_path text_pattern_ops) WHERE ended_on IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE property_companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        credit_code varchar(18) NOT NULL,
        party_organization_id uuid REFERENCES party_organizations (id),
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_companies_credit_code_key UNIQUE (credit_code),
        CONSTRAINT property_companies_credit_code_check CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$')
      )`);
    await queryRunner.query(`
      CREATE TABLE property_contracts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES property_companies (id),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        starts_on date NOT NULL,
        ends_on date,
        hiring_decision_id uuid REFERENCES property_decisions (id),
        ended_reason varchar(200),
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_contracts_dates_check CHECK (ends_on IS NULL OR ends_on > starts_on)
      )`);
    await queryRunner.query(
      `CREATE INDEX property_contracts_complex_idx ON property_contracts (complex_id, starts_on DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX property_contracts_path_idx ON property_contracts (unit_path text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE property_evaluation_campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        period varchar(8) NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open',
        rater_weights jsonb NOT NULL,
        category_weights jsonb NOT NULL,
        rectification_below numeric(5, 2) NOT NULL DEFAULT 60,
        created_by_user_id uuid REFERENCES users (id),
        created_by_job varchar(64),
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_evaluation_campaigns_key UNIQUE (unit_id, period),
        CONSTRAINT property_evaluation_campaigns_status_check CHECK (status IN ('open', 'published')),
        CONSTRAINT property_evaluation_campaigns_time_check CHECK (closes_at > opens_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX property_evaluation_campaigns_due_idx ON property_evaluation_campaigns (closes_at) WHERE status = 'open'`,
    );
    await queryRunner.query(`
      CREATE TABLE property_evaluation_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES property_evaluation_campaigns (id),
        complex_id uuid NOT NULL REFERENCES units (id),
        company_id uuid NOT NULL REFERENCES property_companies (id),
        rater_kind varchar(16) NOT NULL,
        rater_key text NOT NULL,
        scores jsonb NOT NULL,
        total numeric(6, 2) NOT NULL,
        rated_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_evaluation_ratings_key UNIQUE (campaign_id, complex_id, rater_kind, rater_key),
        CONSTRAINT property_evaluation_ratings_kind_check CHECK (rater_kind IN ('owner', 'committee', 'branch', 'community')),
        CONSTRAINT property_evaluation_ratings_total_check CHECK (total BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(`
      CREATE TABLE property_evaluation_results (
        campaign_id uuid NOT NULL REFERENCES property_evaluation_campaigns (id),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        company_id uuid NOT NULL REFERENCES property_companies (id),
        score numeric(6, 2) NOT NULL,
        grade varchar(4) NOT NULL,
        raters jsonb NOT NULL,
        street_rank integer,
        district_rank integer,
        PRIMARY KEY (campaign_id, complex_id),
        CONSTRAINT property_evaluation_results_grade_check CHECK (grade IN ('AAA', 'AA', 'A', 'B', 'C'))
      )`);
    await queryRunner.query(
      `CREATE INDEX property_evaluation_results_path_idx ON property_evaluation_results (campaign_id, unit_path text_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX property_evaluation_results_company_idx ON property_evaluation_results (company_id, campaign_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE property_rectifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid REFERENCES property_evaluation_campaigns (id),
        complex_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        company_id uuid NOT NULL REFERENCES property_companies (id),
        reason text NOT NULL,
        ordered_at timestamptz NOT NULL,
        deadline date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'open',
        follow_ups jsonb NOT NULL DEFAULT '[]',
        outcome text,
        closed_at timestamptz,
        overdue_notified_at timestamptz,
        ordered_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT property_rectifications_status_check CHECK (status IN ('open', 'rectified', 'failed')),
        CONSTRAINT property_rectifications_closed_check CHECK ((status = 'open') = (closed_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX property_rectifications_campaign_key ON property_rectifications (campaign_id, complex_id) WHERE campaign_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX property_rectifications_due_idx ON property_rectifications (deadline) WHERE status = 'open' AND overdue_notified_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX property_rectifications_path_idx ON property_rectifications (unit_path text_pattern_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'property_rectifications',
      'property_evaluation_results',
      'property_evaluation_ratings',
      'property_evaluation_campaigns',
      'property_contracts',
      'property_companies',
      'property_seats',
      'property_committee_flags',
      'property_committee_changes',
      'property_committee_members',
      'property_committees',
      'property_ballots',
      'property_decision_heads',
      'property_decisions',
      'property_part_owners',
      'property_parts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
