import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProcessedEvents1795320100001 implements MigrationInterface {
  name = 'CreateProcessedEvents1795320100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per (subscriber, event) applied: the key that makes every subscriber idempotent.
    await queryRunner.query(`
      CREATE TABLE processed_events (
        subscriber varchar(64) NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT processed_events_pkey PRIMARY KEY (subscriber, event_id)
      )
    `);
    await queryRunner.query(`CREATE INDEX processed_events_processed_at_idx ON processed_events (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE processed_events`);
  }
}
