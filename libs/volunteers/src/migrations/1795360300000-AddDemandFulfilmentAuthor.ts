import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who reported each fulfilment attempt (`fulfilled_by_user_id`): the claimant, or staff acting for
 * them. Confirming refuses the user who claimed or fulfilled the demand
 * (`volunteers.self-authorization`), so the attempt must name its author. Attempts made before this
 * column have none (null): only the claim's author is known for them.
 */
export class AddDemandFulfilmentAuthor1795360300000 implements MigrationInterface {
  name = 'AddDemandFulfilmentAuthor1795360300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE volunteer_demand_fulfilments ADD COLUMN fulfilled_by_user_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE volunteer_demand_fulfilments DROP COLUMN fulfilled_by_user_id`);
  }
}
