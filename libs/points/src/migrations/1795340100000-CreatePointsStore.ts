import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exchange store (积分兑换超市).
 *
 * - `point_rewards`: what a unit's store offers; `stock` never goes below zero (check constraint),
 *   redemptions decrement it with a conditional update.
 * - `point_redemptions`: one reservation each, unique per (owner, idempotency key); the debit it
 *   wrote is kept so that a cancellation reverses exactly it. Pickup codes are unique among
 *   reserved redemptions (partial unique index).
 */
export class CreatePointsStore1795340100000 implements MigrationInterface {
  name = 'CreatePointsStore1795340100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE point_rewards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL,
        unit_path varchar(1000) NOT NULL,
        name varchar(100) NOT NULL CHECK (length(btrim(name)) > 0),
        cost integer NOT NULL CHECK (cost > 0),
        stock integer NOT NULL CHECK (stock >= 0),
        per_person_limit integer CHECK (per_person_limit > 0),
        limit_period varchar(10) CHECK (limit_period IN ('day', 'month', 'quarter', 'year')),
        image_url varchar(1000),
        active_from timestamptz,
        active_to timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_rewards_limit_needs_period CHECK (per_person_limit IS NULL OR limit_period IS NOT NULL),
        CONSTRAINT point_rewards_active_range CHECK (active_from IS NULL OR active_to IS NULL OR active_from < active_to)
      )`);
    await queryRunner.query(`CREATE INDEX point_rewards_unit ON point_rewards (unit_id, created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE point_redemptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reward_id uuid NOT NULL REFERENCES point_rewards (id),
        owner_type varchar(20) NOT NULL CHECK (owner_type IN ('person', 'organization')),
        owner_id uuid NOT NULL,
        owner_unit_path varchar(1000) NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        points integer NOT NULL CHECK (points > 0),
        status varchar(20) NOT NULL CHECK (status IN ('reserved', 'fulfilled', 'cancelled', 'expired')),
        pickup_code varchar(16) NOT NULL CHECK (length(pickup_code) >= 6),
        idempotency_key varchar(200) NOT NULL,
        debit_entry_id uuid NOT NULL REFERENCES point_entries (id),
        refund_entry_id uuid REFERENCES point_entries (id),
        reserved_by_user_id uuid,
        reserved_at timestamptz NOT NULL,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_redemptions_key UNIQUE (owner_type, owner_id, idempotency_key)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX point_redemptions_pickup_code ON point_redemptions (pickup_code) WHERE status = 'reserved'`,
    );
    await queryRunner.query(
      `CREATE INDEX point_redemptions_owner ON point_redemptions (owner_type, owner_id, reward_id, reserved_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX point_redemptions_reserved ON point_redemptions (reserved_at) WHERE status = 'reserved'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE point_redemptions`);
    await queryRunner.query(`DROP TABLE point_rewards`);
  }
}
