import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboxEvents1795320100000 implements MigrationInterface {
  name = 'CreateOutboxEvents1795320100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        type varchar(120) NOT NULL,
        occurred_at timestamptz NOT NULL,
        unit_id uuid NULL,
        actors jsonb NOT NULL DEFAULT '[]'::jsonb,
        quantity numeric NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz NULL,
        relay_attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        CONSTRAINT outbox_events_seq_key UNIQUE (seq),
        CONSTRAINT outbox_events_type_check CHECK (type ~ '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+$'),
        CONSTRAINT outbox_events_actors_check CHECK (jsonb_typeof(actors) = 'array'),
        CONSTRAINT outbox_events_data_check CHECK (jsonb_typeof(data) = 'object'),
        CONSTRAINT outbox_events_relay_attempts_check CHECK (relay_attempts >= 0)
      )
    `);
    // The relay's hot filter: only unrelayed rows, in the order they were written.
    await queryRunner.query(`CREATE INDEX outbox_events_unrelayed_idx ON outbox_events (seq) WHERE relayed_at IS NULL`);
    // The daily clean-up deletes relayed rows by age.
    await queryRunner.query(
      `CREATE INDEX outbox_events_relayed_at_idx ON outbox_events (relayed_at) WHERE relayed_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox_events`);
  }
}
