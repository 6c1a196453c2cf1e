import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Volunteer teams (服务队) at any unit, and their members with roles. A team's name is unique at its
 * unit; a person is a member of a team once; a team has at most one leader (a partial unique
 * index, so two racing appointments cannot both succeed). Teams keep only the unit id: scope joins
 * `units`, so a moved subtree needs no rewrite here.
 */
export class CreateVolunteerTeams1795350100000 implements MigrationInterface {
  name = 'CreateVolunteerTeams1795350100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volunteer_teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        name varchar(100) NOT NULL,
        kind varchar(32) NOT NULL,
        description text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_teams_unit_name_key UNIQUE (unit_id, name),
        CONSTRAINT volunteer_teams_kind_check CHECK (kind IN ('party_member', 'red_vest', 'professional', 'other')),
        CONSTRAINT volunteer_teams_name_check CHECK (btrim(name) <> '')
      )`);
    await queryRunner.query(`
      CREATE TABLE volunteer_team_members (
        team_id uuid NOT NULL REFERENCES volunteer_teams (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id),
        role varchar(16) NOT NULL,
        joined_at timestamptz NOT NULL,
        added_by uuid,
        CONSTRAINT volunteer_team_members_pkey PRIMARY KEY (team_id, person_id),
        CONSTRAINT volunteer_team_members_role_check CHECK (role IN ('leader', 'deputy', 'member'))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX volunteer_team_members_one_leader ON volunteer_team_members (team_id) WHERE role = 'leader'`,
    );
    await queryRunner.query(`CREATE INDEX volunteer_team_members_person_idx ON volunteer_team_members (person_id)`);
    await queryRunner.query(
      `CREATE INDEX volunteer_team_members_joined_idx ON volunteer_team_members (team_id, joined_at, person_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE volunteer_team_members`);
    await queryRunner.query(`DROP TABLE volunteer_teams`);
  }
}
