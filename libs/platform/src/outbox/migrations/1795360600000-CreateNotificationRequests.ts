import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotificationRequests1795360600000 implements MigrationInterface {
  name = 'CreateNotificationRequests1795360600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Notifications requested in a domain transaction, queued to BullMQ by the relay once committed.
    await queryRunner.query(`
      CREATE TABLE notification_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        dedupe_key varchar(200) NOT NULL,
        job jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz NULL,
        relay_attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        CONSTRAINT notification_requests_seq_key UNIQUE (seq),
        CONSTRAINT notification_requests_dedupe_key_key UNIQUE (dedupe_key),
        CONSTRAINT notification_requests_dedupe_key_check CHECK (length(dedupe_key) > 0),
        CONSTRAINT notification_requests_job_check CHECK (jsonb_typeof(job) = 'object' AND job->>'dedupeKey' = dedupe_key),
        CONSTRAINT notification_requests_relay_attempts_check CHECK (relay_attempts >= 0)
      )
    `);
    // The relay's hot filter: only unrelayed rows, in the order they were written.
    await queryRunner.query(
      `CREATE INDEX notification_requests_unrelayed_idx ON notification_requests (seq) WHERE relayed_at IS NULL`,
    );
    // The daily clean-up deletes relayed rows by age.
    await queryRunner.query(
      `CREATE INDEX notification_requests_relayed_at_idx ON notification_requests (relayed_at) WHERE relayed_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_requests`);
  }
}
