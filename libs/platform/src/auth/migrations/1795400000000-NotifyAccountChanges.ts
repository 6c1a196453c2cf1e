import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to an account or its grants notifies `linli_account_changed` with the account's id,
 * delivered on commit to every api process that listens: their cached callers are dropped
 * (`AuthenticatedAccounts`). A trigger, so that no write path (a use case, a unit move rewriting
 * grant paths, a script) can forget to.
 */
export class NotifyAccountChanges1795400000000 implements MigrationInterface {
  name = 'NotifyAccountChanges1795400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION linli_notify_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'users' THEN
          PERFORM pg_notify('linli_account_changed', COALESCE(NEW.id, OLD.id)::text);
        ELSE
          PERFORM pg_notify('linli_account_changed', COALESCE(NEW.user_id, OLD.user_id)::text);
          IF TG_OP = 'UPDATE' AND NEW.user_id IS DISTINCT FROM OLD.user_id THEN
            PERFORM pg_notify('linli_account_changed', OLD.user_id::text);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER users_notify_account_changed AFTER UPDATE OR DELETE ON users
         FOR EACH ROW EXECUTE FUNCTION linli_notify_account_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER role_grants_notify_account_changed AFTER INSERT OR UPDATE OR DELETE ON role_grants
         FOR EACH ROW EXECUTE FUNCTION linli_notify_account_changed()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER role_grants_notify_account_changed ON role_grants`);
    await queryRunner.query(`DROP TRIGGER users_notify_account_changed ON users`);
    await queryRunner.query(`DROP FUNCTION linli_notify_account_changed()`);
  }
}
