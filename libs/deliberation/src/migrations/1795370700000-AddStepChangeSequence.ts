import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A topic's step changes in the order they were recorded: two changes of one topic may carry the
 * same instant (a topic created and advanced within one clock tick, or a job and a person in the
 * same transaction time), and an upheld objection goes back a step, so neither the time nor the
 * step order sorts the history. `seq` does.
 */
export class AddStepChangeSequence1795370700000 implements MigrationInterface {
  name = 'AddStepChangeSequence1795370700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deliberation_step_changes ADD COLUMN seq bigserial NOT NULL`);
    await queryRunner.query(`DROP INDEX deliberation_step_changes_topic_idx`);
    await queryRunner.query(
      `CREATE INDEX deliberation_step_changes_topic_idx ON deliberation_step_changes (topic_id, seq)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX deliberation_step_changes_topic_idx`);
    await queryRunner.query(`ALTER TABLE deliberation_step_changes DROP COLUMN seq`);
    await queryRunner.query(
      `CREATE INDEX deliberation_step_changes_topic_idx ON deliberation_step_changes (topic_id, changed_at)`,
    );
  }
}
