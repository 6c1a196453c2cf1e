import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbox notifications and per-channel delivery records. */
export class CreateNotifications1795320200000 implements MigrationInterface {
  name = 'CreateNotifications1795320200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid NULL,
        recipient_person_id uuid NULL,
        template_key varchar(100) NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        dedupe_key varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz NULL,
        CONSTRAINT notifications_recipient_check CHECK (recipient_user_id IS NOT NULL OR recipient_person_id IS NOT NULL),
        CONSTRAINT notifications_dedupe_key_check CHECK (length(dedupe_key) > 0)
      )`);
    // One row per (dedupe key, recipient); the zero UUID stands in for "no id" so that NULLs compare equal (PostgreSQL < 15 too).
    await queryRunner.query(`
      CREATE UNIQUE INDEX notifications_dedupe_recipient_key ON notifications (
        dedupe_key,
        COALESCE(recipient_user_id, '00000000-0000-0000-0000-000000000000'::uuid),
        COALESCE(recipient_person_id, '00000000-0000-0000-0000-000000000000'::uuid)
      )`);
    // The inbox reads by user id or by linked person id, newest first.
    await queryRunner.query(
      `CREATE INDEX notifications_user_inbox_idx ON notifications (recipient_user_id, created_at DESC, id DESC) WHERE recipient_user_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_person_inbox_idx ON notifications (recipient_person_id, created_at DESC, id DESC) WHERE recipient_person_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key varchar(200) NOT NULL,
        channel varchar(40) NOT NULL,
        recipient_user_id uuid NULL,
        recipient_person_id uuid NULL,
        template_key varchar(100) NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        last_attempt_at timestamptz NULL,
        delivered_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_dedupe_channel_key UNIQUE (dedupe_key, channel),
        CONSTRAINT notification_deliveries_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
        CONSTRAINT notification_deliveries_attempts_check CHECK (attempts >= 0),
        CONSTRAINT notification_deliveries_sent_check CHECK ((status = 'sent') = (delivered_at IS NOT NULL)),
        CONSTRAINT notification_deliveries_recipient_check CHECK (recipient_user_id IS NOT NULL OR recipient_person_id IS NOT NULL)
      )`);
    // Operators look for what did not get through.
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_unsent_idx ON notification_deliveries (status, created_at) WHERE status IN ('failed', 'dead')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`DROP TABLE notifications`);
  }
}
