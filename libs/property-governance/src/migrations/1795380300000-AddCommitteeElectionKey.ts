import { MigrationInterface, QueryRunner } from 'typeorm';

/** One owners' committee per election decision, even when two requests record it at once. */
export class AddCommitteeElectionKey1795380300000 implements MigrationInterface {
  name = 'AddCommitteeElectionKey1795380300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX property_committees_election_key ON property_committees (election_decision_id) WHERE election_decision_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX property_committee_members_person_idx ON property_committee_members (person_id) WHERE left_on IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX property_committee_members_person_idx`);
    await queryRunner.query(`DROP INDEX property_committees_election_key`);
  }
}
