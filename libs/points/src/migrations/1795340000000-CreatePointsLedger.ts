import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The points ledger and its rules.
 *
 * - `point_accounts`: one per owner (person or party organization) and kind; balance and pending
 *   points can never go negative.
 * - `point_entries`: append-only (a trigger refuses UPDATE and DELETE); one idempotency key per
 *   account, so a request or event applied twice writes once.
 * - `point_lots`: every earning; `remaining` is what is left to spend. Spending, expiring and
 *   reversing draw from lots and record it in `point_allocations` (append-only too), so a refund
 *   restores exactly the lots it drew from.
 * - `point_rules` / `point_rule_versions`: rules as data; a change is a new version and entries keep
 *   the version they were computed with. A rule's scope is a unit id; its path is read from `units`
 *   when rules are matched, so moving a subtree needs no rewrite here.
 * - `point_rule_outcomes`: what each rule did for each owner and event (credited, capped, pending,
 *   rejected), so that an owner can see why an event earned nothing.
 * - `point_pending_resolutions`: the confirming and voiding events seen, so that one delivered before
 *   the event that earned the pending points (deliveries may be reordered) still resolves them.
 */
export class CreatePointsLedger1795340000000 implements MigrationInterface {
  name = 'CreatePointsLedger1795340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE point_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type varchar(16) NOT NULL,
        owner_id uuid NOT NULL,
        kind varchar(16) NOT NULL,
        balance bigint NOT NULL DEFAULT 0,
        pending bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_accounts_owner_key UNIQUE (owner_type, owner_id, kind),
        CONSTRAINT point_accounts_owner_type_check CHECK (owner_type IN ('person', 'organization')),
        CONSTRAINT point_accounts_kind_check CHECK (kind IN ('redeemable', 'assessment')),
        CONSTRAINT point_accounts_balance_check CHECK (balance >= 0),
        CONSTRAINT point_accounts_pending_check CHECK (pending >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE point_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL,
        current_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_rules_code_key UNIQUE (code),
        CONSTRAINT point_rules_code_check CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
        CONSTRAINT point_rules_version_check CHECK (current_version >= 1)
      )`);

    await queryRunner.query(`
      CREATE TABLE point_rule_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES point_rules (id),
        version integer NOT NULL,
        name varchar(100) NOT NULL,
        event_type varchar(120) NOT NULL,
        filters jsonb NOT NULL DEFAULT '{}'::jsonb,
        actor_roles text[] NOT NULL DEFAULT '{}',
        account_kind varchar(16) NOT NULL,
        points integer NOT NULL,
        per varchar(16) NOT NULL,
        caps jsonb NOT NULL DEFAULT '{}'::jsonb,
        validity_months integer,
        unit_id uuid,
        active_from timestamptz,
        active_to timestamptz,
        credit_organization boolean NOT NULL DEFAULT false,
        pending_until varchar(120),
        pending_rejected_by varchar(120),
        pending_key varchar(64),
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_rule_versions_key UNIQUE (rule_id, version),
        CONSTRAINT point_rule_versions_version_check CHECK (version >= 1),
        CONSTRAINT point_rule_versions_kind_check CHECK (account_kind IN ('redeemable', 'assessment')),
        CONSTRAINT point_rule_versions_points_check CHECK (points > 0),
        CONSTRAINT point_rule_versions_per_check CHECK (per IN ('occurrence', 'quantity')),
        CONSTRAINT point_rule_versions_filters_check CHECK (jsonb_typeof(filters) = 'object'),
        CONSTRAINT point_rule_versions_caps_check CHECK (jsonb_typeof(caps) = 'object'),
        CONSTRAINT point_rule_versions_validity_check CHECK (validity_months IS NULL OR (validity_months > 0 AND account_kind = 'redeemable')),
        CONSTRAINT point_rule_versions_active_check CHECK (active_from IS NULL OR active_to IS NULL OR active_to > active_from),
        CONSTRAINT point_rule_versions_pending_check CHECK ((pending_until IS NULL) = (pending_key IS NULL) AND (pending_rejected_by IS NULL OR pending_until IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX point_rule_versions_event_type_idx ON point_rule_versions (event_type)`);

    await queryRunner.query(`
      CREATE TABLE point_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        account_id uuid NOT NULL REFERENCES point_accounts (id),
        kind varchar(16) NOT NULL,
        amount bigint NOT NULL,
        balance_after bigint NOT NULL,
        reason text NOT NULL,
        rule_id uuid REFERENCES point_rules (id),
        rule_version integer,
        source_event_id uuid,
        actor_user_id uuid,
        reverses_entry_id uuid REFERENCES point_entries (id),
        idempotency_key varchar(200) NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_entries_seq_key UNIQUE (seq),
        CONSTRAINT point_entries_idempotency_key UNIQUE (account_id, idempotency_key),
        CONSTRAINT point_entries_kind_check CHECK (
          (kind = 'credit' AND amount > 0) OR (kind IN ('debit', 'expiry') AND amount < 0) OR (kind = 'reversal' AND amount <> 0)),
        CONSTRAINT point_entries_reversal_check CHECK ((kind = 'reversal') = (reverses_entry_id IS NOT NULL)),
        CONSTRAINT point_entries_balance_check CHECK (balance_after >= 0),
        CONSTRAINT point_entries_reason_check CHECK (length(reason) > 0),
        CONSTRAINT point_entries_rule_check CHECK ((rule_id IS NULL) = (rule_version IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX point_entries_reverses_key ON point_entries (reverses_entry_id) WHERE reverses_entry_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX point_entries_account_idx ON point_entries (account_id, seq DESC)`);
    // Caps sum a rule's credits per owner over a day, month or year.
    await queryRunner.query(
      `CREATE INDEX point_entries_rule_caps_idx ON point_entries (account_id, rule_id, occurred_at) WHERE rule_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE point_lots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES point_accounts (id),
        entry_id uuid REFERENCES point_entries (id),
        amount bigint NOT NULL,
        remaining bigint NOT NULL,
        status varchar(16) NOT NULL,
        earned_at timestamptz NOT NULL,
        available_from timestamptz,
        expires_at timestamptz,
        reason text NOT NULL,
        rule_id uuid REFERENCES point_rules (id),
        rule_version integer,
        source_event_id uuid,
        idempotency_key varchar(200) NOT NULL,
        confirm_key varchar(300),
        reject_key varchar(300),
        expiry_notified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_lots_idempotency_key UNIQUE (account_id, idempotency_key),
        CONSTRAINT point_lots_entry_key UNIQUE (entry_id),
        CONSTRAINT point_lots_amount_check CHECK (amount > 0),
        CONSTRAINT point_lots_remaining_check CHECK (remaining >= 0 AND remaining <= amount),
        CONSTRAINT point_lots_status_check CHECK (status IN ('pending', 'available', 'expired', 'cancelled')),
        CONSTRAINT point_lots_pending_check CHECK (status <> 'pending' OR (entry_id IS NULL AND remaining = amount)),
        CONSTRAINT point_lots_entry_check CHECK (status NOT IN ('available', 'expired') OR entry_id IS NOT NULL),
        CONSTRAINT point_lots_closed_check CHECK (status NOT IN ('expired', 'cancelled') OR remaining = 0),
        CONSTRAINT point_lots_rule_check CHECK ((rule_id IS NULL) = (rule_version IS NULL))
      )`);
    // Spending order: what expires first, then the oldest.
    await queryRunner.query(
      `CREATE INDEX point_lots_available_idx ON point_lots (account_id, expires_at NULLS LAST, created_at) WHERE status = 'available' AND remaining > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX point_lots_due_idx ON point_lots (expires_at) WHERE status = 'available' AND remaining > 0 AND expires_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX point_lots_confirm_idx ON point_lots (confirm_key) WHERE status = 'pending' AND confirm_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX point_lots_reject_idx ON point_lots (reject_key) WHERE status = 'pending' AND reject_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX point_lots_pending_source_idx ON point_lots (source_event_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX point_lots_pending_caps_idx ON point_lots (account_id, rule_id, earned_at) WHERE status = 'pending'`,
    );

    await queryRunner.query(`
      CREATE TABLE point_allocations (
        entry_id uuid NOT NULL REFERENCES point_entries (id),
        lot_id uuid NOT NULL REFERENCES point_lots (id),
        amount bigint NOT NULL,
        PRIMARY KEY (entry_id, lot_id),
        CONSTRAINT point_allocations_amount_check CHECK (amount > 0)
      )`);
    await queryRunner.query(`CREATE INDEX point_allocations_lot_idx ON point_allocations (lot_id)`);

    await queryRunner.query(`
      CREATE TABLE point_rule_outcomes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        account_id uuid NOT NULL REFERENCES point_accounts (id),
        credit_key varchar(200) NOT NULL,
        event_id uuid NOT NULL,
        event_type varchar(120) NOT NULL,
        rule_id uuid NOT NULL REFERENCES point_rules (id),
        rule_version integer NOT NULL,
        outcome varchar(16) NOT NULL,
        requested bigint NOT NULL,
        points bigint NOT NULL DEFAULT 0,
        entry_id uuid REFERENCES point_entries (id),
        lot_id uuid REFERENCES point_lots (id),
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_rule_outcomes_seq_key UNIQUE (seq),
        CONSTRAINT point_rule_outcomes_credit_key UNIQUE (account_id, credit_key),
        CONSTRAINT point_rule_outcomes_outcome_check CHECK (outcome IN ('credited', 'capped', 'pending', 'rejected')),
        CONSTRAINT point_rule_outcomes_points_check CHECK (points >= 0 AND points <= requested),
        CONSTRAINT point_rule_outcomes_credited_check CHECK (outcome <> 'credited' OR entry_id IS NOT NULL),
        CONSTRAINT point_rule_outcomes_capped_check CHECK (outcome <> 'capped' OR (points = 0 AND entry_id IS NULL AND lot_id IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX point_rule_outcomes_account_idx ON point_rule_outcomes (account_id, seq DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX point_rule_outcomes_lot_idx ON point_rule_outcomes (lot_id) WHERE lot_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE point_pending_resolutions (
        resolution_key varchar(300) NOT NULL,
        event_id uuid NOT NULL,
        resolution varchar(16) NOT NULL,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (resolution_key, event_id),
        CONSTRAINT point_pending_resolutions_resolution_check CHECK (resolution IN ('confirmed', 'rejected'))
      )`);

    await queryRunner.query(`
      CREATE FUNCTION points_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['point_entries', 'point_allocations']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION points_refuse_change()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'point_pending_resolutions',
      'point_rule_outcomes',
      'point_allocations',
      'point_lots',
      'point_entries',
      'point_rule_versions',
      'point_rules',
      'point_accounts',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION points_refuse_change()`);
  }
}
