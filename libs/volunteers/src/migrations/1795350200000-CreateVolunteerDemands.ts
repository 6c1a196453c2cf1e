import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service demands (micro-wishes, service needs, tasks), their claims, fulfilment attempts and
 * invitations. The invariants live here: one live claim per demand and one pending fulfilment per
 * demand (partial unique indexes), a claimant is a person or an organization (never both), an
 * invitation per (demand, person) at most once. Demands keep only their unit id; scope and
 * closeness join `units`.
 */
export class CreateVolunteerDemands1795350200000 implements MigrationInterface {
  name = 'CreateVolunteerDemands1795350200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volunteer_demands (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id),
        title varchar(200) NOT NULL,
        description text,
        requester_person_id uuid NOT NULL REFERENCES people (id),
        posted_by_user_id uuid NOT NULL,
        required_skills varchar(48)[] NOT NULL DEFAULT '{}',
        deadline timestamptz,
        claim_hours integer NOT NULL DEFAULT 72,
        status varchar(16) NOT NULL DEFAULT 'open',
        rating smallint,
        escalated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_demands_kind_check CHECK (kind IN ('micro_wish', 'service_need', 'task')),
        CONSTRAINT volunteer_demands_status_check CHECK (status IN ('open', 'claimed', 'fulfilled', 'confirmed', 'closed', 'cancelled', 'expired')),
        CONSTRAINT volunteer_demands_claim_hours_check CHECK (claim_hours BETWEEN 1 AND 720),
        CONSTRAINT volunteer_demands_rating_check CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
      )`);
    await queryRunner.query(`CREATE INDEX volunteer_demands_unit_idx ON volunteer_demands (unit_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX volunteer_demands_requester_idx ON volunteer_demands (requester_person_id)`);
    await queryRunner.query(
      `CREATE INDEX volunteer_demands_created_idx ON volunteer_demands (created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_demands_open_deadline_idx ON volunteer_demands (deadline) WHERE status = 'open' AND deadline IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_demands_skills_idx ON volunteer_demands USING gin (required_skills)`,
    );

    await queryRunner.query(`
      CREATE TABLE volunteer_demand_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES volunteer_demands (id) ON DELETE CASCADE,
        claimant_person_id uuid REFERENCES people (id),
        claimant_organization_id uuid,
        claimant_organization_kind varchar(24),
        claimed_by_user_id uuid NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'live',
        claimed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        extensions smallint NOT NULL DEFAULT 0,
        ended_at timestamptz,
        CONSTRAINT volunteer_demand_claims_claimant_check CHECK (
          (claimant_person_id IS NULL) <> (claimant_organization_id IS NULL)
          AND (claimant_organization_id IS NULL) = (claimant_organization_kind IS NULL)),
        CONSTRAINT volunteer_demand_claims_org_kind_check CHECK (claimant_organization_kind IS NULL OR claimant_organization_kind IN ('party_organization', 'institution')),
        CONSTRAINT volunteer_demand_claims_status_check CHECK (status IN ('live', 'released', 'lapsed', 'completed', 'cancelled')),
        CONSTRAINT volunteer_demand_claims_ended_check CHECK ((status = 'live') = (ended_at IS NULL)),
        CONSTRAINT volunteer_demand_claims_extensions_check CHECK (extensions >= 0)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX volunteer_demand_claims_one_live_key ON volunteer_demand_claims (demand_id) WHERE status = 'live'`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_demand_claims_demand_idx ON volunteer_demand_claims (demand_id, claimed_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_demand_claims_person_idx ON volunteer_demand_claims (claimant_person_id, claimed_at) WHERE claimant_person_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_demand_claims_live_expiry_idx ON volunteer_demand_claims (expires_at) WHERE status = 'live'`,
    );

    await queryRunner.query(`
      CREATE TABLE volunteer_demand_fulfilments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES volunteer_demands (id) ON DELETE CASCADE,
        claim_id uuid NOT NULL REFERENCES volunteer_demand_claims (id) ON DELETE CASCADE,
        note text,
        status varchar(16) NOT NULL DEFAULT 'pending',
        rating smallint,
        reason text,
        fulfilled_at timestamptz NOT NULL,
        resolved_at timestamptz,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CONSTRAINT volunteer_demand_fulfilments_status_check CHECK (status IN ('pending', 'confirmed', 'rejected')),
        CONSTRAINT volunteer_demand_fulfilments_rating_check CHECK ((status = 'confirmed') = (rating IS NOT NULL) AND (rating IS NULL OR rating BETWEEN 1 AND 5)),
        CONSTRAINT volunteer_demand_fulfilments_reason_check CHECK ((status = 'rejected') = (reason IS NOT NULL)),
        CONSTRAINT volunteer_demand_fulfilments_resolved_check CHECK ((status = 'pending') = (resolved_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX volunteer_demand_fulfilments_one_pending_key ON volunteer_demand_fulfilments (demand_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_demand_fulfilments_demand_idx ON volunteer_demand_fulfilments (demand_id, fulfilled_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE volunteer_demand_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES volunteer_demands (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id),
        invited_by_user_id uuid NOT NULL,
        invited_at timestamptz NOT NULL,
        CONSTRAINT volunteer_demand_invitations_key UNIQUE (demand_id, person_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX volunteer_demand_invitations_person_idx ON volunteer_demand_invitations (person_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE volunteer_demand_invitations`);
    await queryRunner.query(`DROP TABLE volunteer_demand_fulfilments`);
    await queryRunner.query(`DROP TABLE volunteer_demand_claims`);
    await queryRunner.query(`DROP TABLE volunteer_demands`);
  }
}
