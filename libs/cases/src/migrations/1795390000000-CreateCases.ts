import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases (诉求 / 矛盾纠纷 / 安全隐患, 接诉即办): the yearly working-day calendars, the category tree
 * with its time limits, departments at a street or district with the categories they handle, the
 * cases themselves with their clock columns, every reporter of merged duplicates, the departments'
 * tasks of joint handling (联办), the step history, escalations, follow-up visits, settings and the
 * monthly rankings. Every unit-located row keeps a copy of its unit's path.
 *
 * Invariants kept here: one calendar per year; category codes unique; a category has a resolution
 * limit in working days or in hours; one task per (case, department); one hotline case per ticket
 * number; one escalation per (case, level, due instant), so two schedulers never escalate twice;
 * one ranking row per (period, unit).
 */
export class CreateCases1795390000000 implements MigrationInterface {
  name = 'CreateCases1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_calendars (
        year integer PRIMARY KEY,
        holidays date[] NOT NULL DEFAULT '{}',
        workdays date[] NOT NULL DEFAULT '{}',
        updated_by_user_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_calendars_year_check CHECK (year BETWEEN 2000 AND 2100)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL UNIQUE,
        name varchar(100) NOT NULL,
        parent_id uuid REFERENCES case_categories (id),
        response_hours integer NOT NULL,
        resolve_working_days integer,
        resolve_hours integer,
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_categories_response_check CHECK (response_hours > 0),
        CONSTRAINT case_categories_resolve_check CHECK (
          (resolve_working_days IS NOT NULL OR resolve_hours IS NOT NULL)
          AND coalesce(resolve_working_days, 1) > 0 AND coalesce(resolve_hours, 1) > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        name varchar(100) NOT NULL,
        created_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_departments_key UNIQUE (unit_id, name)
      )`);
    await queryRunner.query(`CREATE INDEX case_departments_path_idx ON case_departments (unit_path text_pattern_ops)`);
    await queryRunner.query(`
      CREATE TABLE case_department_categories (
        department_id uuid NOT NULL REFERENCES case_departments (id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES case_categories (id),
        PRIMARY KEY (department_id, category_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel varchar(20) NOT NULL,
        type varchar(20) NOT NULL,
        category_id uuid NOT NULL REFERENCES case_categories (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        evidence text[] NOT NULL DEFAULT '{}',
        urgency varchar(10) NOT NULL DEFAULT 'normal',
        reporter_person_id uuid REFERENCES people (id),
        anonymous boolean NOT NULL DEFAULT false,
        party_person_ids uuid[] NOT NULL DEFAULT '{}',
        external_id varchar(100),
        status varchar(20) NOT NULL,
        suspended_from varchar(20),
        level varchar(20) NOT NULL,
        level_unit_id uuid NOT NULL REFERENCES units (id),
        handler_user_id uuid REFERENCES users (id),
        reported_at timestamptz NOT NULL,
        response_due_at timestamptz NOT NULL,
        responded_at timestamptz,
        registered_at timestamptz,
        resolve_due_at timestamptz,
        level_started_at timestamptz,
        level_due_at timestamptz,
        warned_at timestamptz,
        handled_at timestamptz,
        handled_by_user_id uuid REFERENCES users (id),
        closed_at timestamptz,
        closed_on_time boolean,
        rejected_at timestamptz,
        reject_reason varchar(30),
        duplicate_of_id uuid REFERENCES cases (id),
        suspended_at timestamptz,
        suspended_ms bigint NOT NULL DEFAULT 0,
        rework_count integer NOT NULL DEFAULT 0,
        reopen_count integer NOT NULL DEFAULT 0,
        escalation_count integer NOT NULL DEFAULT 0,
        visited_at timestamptz,
        satisfaction varchar(24),
        created_by_user_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cases_channel_check CHECK (channel IN
          ('grid_patrol', 'hotline_12345', 'police_transfer', 'resident', 'mobile_grid', 'household_visit', 'other')),
        CONSTRAINT cases_type_check CHECK (type IN ('demand', 'dispute', 'hazard', 'city_management')),
        CONSTRAINT cases_urgency_check CHECK (urgency IN ('normal', 'urgent')),
        CONSTRAINT cases_status_check CHECK (status IN ('reported', 'registered', 'rejected', 'dispatched',
          'in_progress', 'handled', 'verified', 'closed', 'suspended')),
        CONSTRAINT cases_level_check CHECK (level IN ('grid', 'community', 'street', 'district')),
        CONSTRAINT cases_satisfaction_check CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
        CONSTRAINT cases_suspended_check CHECK ((status = 'suspended') = (suspended_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX cases_path_idx ON cases (unit_path text_pattern_ops, reported_at)`);
    await queryRunner.query(`CREATE INDEX cases_reported_idx ON cases (reported_at)`);
    await queryRunner.query(`CREATE INDEX cases_resolve_due_idx ON cases (resolve_due_at)`);
    await queryRunner.query(
      `CREATE INDEX cases_level_due_idx ON cases (level_due_at)
       WHERE status IN ('registered', 'dispatched', 'in_progress')`,
    );
    await queryRunner.query(`CREATE INDEX cases_reporter_idx ON cases (reporter_person_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX cases_external_key ON cases (channel, external_id) WHERE external_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE case_reporters (
        case_id uuid NOT NULL REFERENCES cases (id),
        person_id uuid NOT NULL REFERENCES people (id),
        anonymous boolean NOT NULL DEFAULT false,
        merged_from_case_id uuid REFERENCES cases (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, person_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_reporters_person_idx ON case_reporters (person_id)`);
    await queryRunner.query(`
      CREATE TABLE case_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        department_id uuid NOT NULL REFERENCES case_departments (id),
        status varchar(10) NOT NULL DEFAULT 'open',
        note text,
        done_at timestamptz,
        done_by_user_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_tasks_key UNIQUE (case_id, department_id),
        CONSTRAINT case_tasks_status_check CHECK (status IN ('open', 'done'))
      )`);
    await queryRunner.query(`
      CREATE TABLE case_steps (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        action varchar(20) NOT NULL,
        from_status varchar(20),
        to_status varchar(20) NOT NULL,
        level varchar(20) NOT NULL,
        user_id uuid REFERENCES users (id),
        note text,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_steps_case_idx ON case_steps (case_id, id)`);
    await queryRunner.query(`
      CREATE TABLE case_escalations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        from_level varchar(20) NOT NULL,
        to_level varchar(20) NOT NULL,
        due_at timestamptz NOT NULL,
        reason text NOT NULL,
        by_user_id uuid REFERENCES users (id),
        at timestamptz NOT NULL,
        CONSTRAINT case_escalations_key UNIQUE (case_id, from_level, due_at)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        satisfaction varchar(24) NOT NULL,
        note text,
        by_user_id uuid REFERENCES users (id),
        at timestamptz NOT NULL,
        CONSTRAINT case_visits_satisfaction_check CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied'))
      )`);
    await queryRunner.query(`CREATE INDEX case_visits_case_idx ON case_visits (case_id)`);
    await queryRunner.query(`
      CREATE TABLE case_settings (
        key varchar(64) PRIMARY KEY,
        value integer NOT NULL,
        updated_by_user_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE case_rankings (
        period varchar(7) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        kind varchar(20) NOT NULL,
        rank integer,
        score numeric(7, 2),
        figures jsonb NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (period, unit_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_rankings_path_idx ON case_rankings (unit_path text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'case_rankings',
      'case_settings',
      'case_visits',
      'case_escalations',
      'case_steps',
      'case_tasks',
      'case_reporters',
      'cases',
      'case_department_categories',
      'case_departments',
      'case_categories',
      'case_calendars',
    ])
      await queryRunner.query(`DROP TABLE ${table}`);
  }
}
