import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deliberation (协商议事): topics through the six steps, opinions, joint reviews, objections,
 * execution milestones and progress, ratings; votes with a frozen electoral roll and one ballot per
 * voter (or household); resident proposals and their co-signers; meetings with agenda, attendance,
 * minutes, joint-meeting members and their attendance, representatives; conventions and comments;
 * monthly reports. Every unit-located row keeps a copy of its unit's path.
 *
 * Invariants kept here: one ballot per (vote, voter key) (a person, or a household for household
 * votes); one co-signature per (proposal, person) and one topic per adopted proposal; one review per
 * (topic, round, party); one rating per (topic, person); one attendance row per (meeting, person);
 * one convention in force per community.
 */
export class CreateDeliberation1795370000000 implements MigrationInterface {
  name = 'CreateDeliberation1795370000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deliberation_settings (
        key varchar(64) NOT NULL,
        unit_kind varchar(16) NOT NULL DEFAULT '*',
        value integer NOT NULL,
        updated_by_user_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, unit_kind),
        CONSTRAINT deliberation_settings_value_check CHECK (value >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_categories (
        code varchar(48) PRIMARY KEY,
        display_name varchar(64) NOT NULL,
        builtin boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_categories_code_check CHECK (code ~ '^[a-z][a-z0-9_]*$')
      )`);
    await queryRunner.query(`
      INSERT INTO deliberation_categories (code, display_name, builtin) VALUES
        ('old_complex_renovation', '老旧小区改造', true),
        ('lift_installation', '加装电梯', true),
        ('garbage_sorting', '垃圾分类', true),
        ('parking', '停车管理', true),
        ('property_management', '物业管理', true),
        ('public_space', '公共空间', true),
        ('other', '其他', true)`);

    await queryRunner.query(`
      CREATE TABLE deliberation_topics (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        title varchar(200) NOT NULL,
        description text,
        category varchar(48) NOT NULL REFERENCES deliberation_categories (code),
        source varchar(24) NOT NULL,
        step varchar(16) NOT NULL DEFAULT 'collect',
        status varchar(16) NOT NULL DEFAULT 'active',
        merged_into_id uuid REFERENCES deliberation_topics (id),
        proposal_id uuid,
        step_entered_at timestamptz NOT NULL,
        review_round smallint NOT NULL DEFAULT 1,
        required_parties text[] NOT NULL DEFAULT '{}',
        decision jsonb,
        notice_ends_at timestamptz,
        responsible_party varchar(200),
        progress_percent smallint NOT NULL DEFAULT 0,
        execution_ended_at timestamptz,
        evaluation_opens_at timestamptz,
        evaluation_closes_at timestamptz,
        opinion_count integer NOT NULL DEFAULT 0,
        supporter_count integer NOT NULL DEFAULT 0,
        rating_count integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_by_person_id uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_topics_source_check CHECK (source IN ('resident_proposal', 'grid_worker', 'hotline_case', 'party_organization', 'residents_committee')),
        CONSTRAINT deliberation_topics_step_check CHECK (step IN ('collect', 'review', 'resolve', 'notice', 'execute', 'evaluate', 'closed')),
        CONSTRAINT deliberation_topics_status_check CHECK (status IN ('active', 'withdrawn', 'merged')),
        CONSTRAINT deliberation_topics_merged_check CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
        CONSTRAINT deliberation_topics_progress_check CHECK (progress_percent BETWEEN 0 AND 100),
        CONSTRAINT deliberation_topics_counts_check CHECK (opinion_count >= 0 AND supporter_count >= 0 AND rating_count >= 0 AND rating_sum >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_topics_path_idx ON deliberation_topics (unit_path text_pattern_ops, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX deliberation_topics_proposal_key ON deliberation_topics (proposal_id) WHERE proposal_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_topics_notice_due_idx ON deliberation_topics (notice_ends_at) WHERE step = 'notice' AND status = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_topics_execution_ended_idx ON deliberation_topics (execution_ended_at) WHERE step = 'execute' AND status = 'active' AND execution_ended_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_topics_evaluation_due_idx ON deliberation_topics (evaluation_closes_at) WHERE step = 'evaluate' AND status = 'active'`,
    );

    await queryRunner.query(`
      CREATE TABLE deliberation_step_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        from_step varchar(16),
        to_step varchar(16) NOT NULL,
        reason text,
        changed_by_user_id uuid REFERENCES users (id),
        changed_by_job varchar(64),
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_step_changes_author_check CHECK ((changed_by_user_id IS NULL) <> (changed_by_job IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_step_changes_topic_idx ON deliberation_step_changes (topic_id, changed_at)`,
    );
    await queryRunner.query(`CREATE INDEX deliberation_step_changes_at_idx ON deliberation_step_changes (changed_at)`);

    await queryRunner.query(`
      CREATE TABLE deliberation_opinions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        author_person_id uuid REFERENCES people (id),
        author_user_id uuid NOT NULL REFERENCES users (id),
        content text NOT NULL,
        carried_from_topic_id uuid REFERENCES deliberation_topics (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_opinions_topic_idx ON deliberation_opinions (topic_id, created_at)`,
    );
    await queryRunner.query(`CREATE INDEX deliberation_opinions_created_idx ON deliberation_opinions (created_at)`);
    await queryRunner.query(`
      CREATE TABLE deliberation_topic_supporters (
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        person_id uuid NOT NULL REFERENCES people (id),
        carried_from_topic_id uuid REFERENCES deliberation_topics (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic_id, person_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        round smallint NOT NULL,
        party varchar(32) NOT NULL,
        opinion text NOT NULL,
        feasible boolean NOT NULL,
        recorded_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_reviews_party_check CHECK (party IN ('party_organization', 'residents_committee', 'owners_committee', 'property_company', 'co_building_unit', 'department')),
        CONSTRAINT deliberation_reviews_key UNIQUE (topic_id, round, party)
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        author_person_id uuid REFERENCES people (id),
        author_user_id uuid NOT NULL REFERENCES users (id),
        content text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        decided_by_user_id uuid REFERENCES users (id),
        decision_note text,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_objections_status_check CHECK (status IN ('pending', 'upheld', 'dismissed')),
        CONSTRAINT deliberation_objections_decided_check CHECK ((status = 'pending') = (decided_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_objections_topic_idx ON deliberation_objections (topic_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        title varchar(200) NOT NULL,
        due_on date NOT NULL,
        done_at timestamptz,
        overdue_flagged_at timestamptz,
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_milestones_topic_idx ON deliberation_milestones (topic_id, due_on)`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_milestones_open_idx ON deliberation_milestones (due_on) WHERE done_at IS NULL AND overdue_flagged_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        percent smallint NOT NULL,
        note text NOT NULL,
        evidence text[] NOT NULL DEFAULT '{}',
        recorded_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_progress_percent_check CHECK (percent BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_progress_topic_idx ON deliberation_progress_reports (topic_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_ratings (
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        person_id uuid NOT NULL REFERENCES people (id),
        score smallint NOT NULL,
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic_id, person_id),
        CONSTRAINT deliberation_ratings_score_check CHECK (score BETWEEN 1 AND 5)
      )`);

    await queryRunner.query(`
      CREATE TABLE deliberation_votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        topic_id uuid REFERENCES deliberation_topics (id),
        convention_id uuid,
        title varchar(200) NOT NULL,
        options text[] NOT NULL,
        electorate varchar(16) NOT NULL,
        quorum varchar(16) NOT NULL,
        pass_rule varchar(16) NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        hide_results boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'open',
        eligible integer NOT NULL,
        result jsonb,
        closed_at timestamptz,
        closed_by_user_id uuid REFERENCES users (id),
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_votes_electorate_check CHECK (electorate IN ('residents', 'households', 'representatives')),
        CONSTRAINT deliberation_votes_quorum_check CHECK (quorum IN ('more_than_half', 'two_thirds', 'none')),
        CONSTRAINT deliberation_votes_pass_rule_check CHECK (pass_rule IN ('more_than_half', 'two_thirds')),
        CONSTRAINT deliberation_votes_status_check CHECK (status IN ('open', 'closed')),
        CONSTRAINT deliberation_votes_closed_check CHECK ((status = 'closed') = (result IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT deliberation_votes_time_check CHECK (closes_at > opens_at),
        CONSTRAINT deliberation_votes_options_check CHECK (cardinality(options) BETWEEN 2 AND 20),
        CONSTRAINT deliberation_votes_eligible_check CHECK (eligible >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_votes_path_idx ON deliberation_votes (unit_path text_pattern_ops, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_votes_due_idx ON deliberation_votes (closes_at) WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_votes_topic_idx ON deliberation_votes (topic_id) WHERE topic_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_vote_electors (
        vote_id uuid NOT NULL REFERENCES deliberation_votes (id),
        person_id uuid NOT NULL REFERENCES people (id),
        voter_key text NOT NULL,
        PRIMARY KEY (vote_id, person_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_ballots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL REFERENCES deliberation_votes (id),
        voter_key text NOT NULL,
        person_id uuid NOT NULL REFERENCES people (id),
        option text NOT NULL,
        channel varchar(8) NOT NULL DEFAULT 'online',
        evidence_ref varchar(200),
        recorded_by_user_id uuid REFERENCES users (id),
        cast_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_ballots_key UNIQUE (vote_id, voter_key),
        CONSTRAINT deliberation_ballots_channel_check CHECK (channel IN ('online', 'paper')),
        CONSTRAINT deliberation_ballots_paper_check CHECK (channel = 'online' OR (evidence_ref IS NOT NULL AND recorded_by_user_id IS NOT NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE deliberation_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL,
        category varchar(48) NOT NULL DEFAULT 'other' REFERENCES deliberation_categories (code),
        proposer_person_id uuid NOT NULL REFERENCES people (id),
        proposer_user_id uuid NOT NULL REFERENCES users (id),
        status varchar(16) NOT NULL DEFAULT 'collecting',
        threshold integer NOT NULL,
        cosigner_count integer NOT NULL DEFAULT 0,
        topic_id uuid REFERENCES deliberation_topics (id),
        adopted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_proposals_status_check CHECK (status IN ('collecting', 'adopted', 'withdrawn')),
        CONSTRAINT deliberation_proposals_adopted_check CHECK ((status = 'adopted') = (topic_id IS NOT NULL)),
        CONSTRAINT deliberation_proposals_threshold_check CHECK (threshold >= 1 AND cosigner_count >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_proposals_path_idx ON deliberation_proposals (unit_path text_pattern_ops, created_at DESC)`,
    );
    await queryRunner.query(
      `ALTER TABLE deliberation_topics ADD CONSTRAINT deliberation_topics_proposal_fk FOREIGN KEY (proposal_id) REFERENCES deliberation_proposals (id)`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_proposal_cosigners (
        proposal_id uuid NOT NULL REFERENCES deliberation_proposals (id),
        person_id uuid NOT NULL REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, person_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE deliberation_meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        kind varchar(24) NOT NULL,
        title varchar(200) NOT NULL,
        location varchar(200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'scheduled',
        check_in_secret varchar(64) NOT NULL,
        chair_organization_id uuid REFERENCES party_organizations (id),
        reminded_at timestamptz,
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_meetings_kind_check CHECK (kind IN ('residents_meeting', 'representatives_meeting', 'public_talk', 'hearing', 'joint_meeting', 'council', 'online_council')),
        CONSTRAINT deliberation_meetings_status_check CHECK (status IN ('scheduled', 'held', 'cancelled')),
        CONSTRAINT deliberation_meetings_time_check CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_meetings_path_idx ON deliberation_meetings (unit_path text_pattern_ops, starts_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_meetings_reminder_idx ON deliberation_meetings (starts_at) WHERE status = 'scheduled' AND reminded_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_meeting_agenda (
        meeting_id uuid NOT NULL REFERENCES deliberation_meetings (id),
        topic_id uuid NOT NULL REFERENCES deliberation_topics (id),
        position smallint NOT NULL,
        PRIMARY KEY (meeting_id, topic_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_meeting_agenda_topic_idx ON deliberation_meeting_agenda (topic_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES deliberation_meetings (id),
        person_id uuid NOT NULL REFERENCES people (id),
        method varchar(8) NOT NULL,
        recorded_by_user_id uuid REFERENCES users (id),
        attended_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, person_id),
        CONSTRAINT deliberation_meeting_attendance_method_check CHECK (method IN ('staff', 'code'))
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_meeting_minutes (
        meeting_id uuid PRIMARY KEY REFERENCES deliberation_meetings (id),
        summary text NOT NULL,
        decisions jsonb NOT NULL DEFAULT '[]',
        follow_ups jsonb NOT NULL DEFAULT '[]',
        attendee_count integer NOT NULL,
        recorded_by_user_id uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_joint_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        organization_id uuid NOT NULL REFERENCES party_organizations (id),
        rotation_order smallint NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz,
        CONSTRAINT deliberation_joint_members_key UNIQUE (unit_id, organization_id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX deliberation_joint_members_order_key ON deliberation_joint_members (unit_id, rotation_order) WHERE left_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_joint_attendance (
        meeting_id uuid NOT NULL REFERENCES deliberation_meetings (id),
        organization_id uuid NOT NULL REFERENCES party_organizations (id),
        status varchar(8) NOT NULL,
        note text,
        recorded_by_user_id uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, organization_id),
        CONSTRAINT deliberation_joint_attendance_status_check CHECK (status IN ('present', 'excused', 'absent'))
      )`);
    await queryRunner.query(`
      CREATE TABLE deliberation_representatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        person_id uuid NOT NULL REFERENCES people (id),
        started_on date NOT NULL,
        ended_on date,
        end_reason varchar(200),
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX deliberation_representatives_active_key ON deliberation_representatives (unit_id, person_id) WHERE ended_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_representatives_path_idx ON deliberation_representatives (unit_path text_pattern_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE deliberation_conventions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        version integer NOT NULL,
        title varchar(200) NOT NULL,
        body text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft',
        comment_ends_at timestamptz,
        vote_id uuid REFERENCES deliberation_votes (id),
        adopted_at timestamptz,
        filed_on date,
        filing_reference varchar(200),
        supersedes_id uuid REFERENCES deliberation_conventions (id),
        created_by_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliberation_conventions_status_check CHECK (status IN ('draft', 'commenting', 'voting', 'adopted', 'rejected', 'superseded')),
        CONSTRAINT deliberation_conventions_version_key UNIQUE (unit_id, version),
        CONSTRAINT deliberation_conventions_filing_check CHECK ((filed_on IS NULL) = (filing_reference IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX deliberation_conventions_in_force_key ON deliberation_conventions (unit_id) WHERE status = 'adopted'`,
    );
    await queryRunner.query(
      `CREATE INDEX deliberation_conventions_path_idx ON deliberation_conventions (unit_path text_pattern_ops)`,
    );
    await queryRunner.query(
      `ALTER TABLE deliberation_votes ADD CONSTRAINT deliberation_votes_convention_fk FOREIGN KEY (convention_id) REFERENCES deliberation_conventions (id)`,
    );
    await queryRunner.query(`
      CREATE TABLE deliberation_convention_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        convention_id uuid NOT NULL REFERENCES deliberation_conventions (id),
        author_person_id uuid REFERENCES people (id),
        author_user_id uuid NOT NULL REFERENCES users (id),
        content text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_convention_comments_idx ON deliberation_convention_comments (convention_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE deliberation_monthly_reports (
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        period varchar(7) NOT NULL,
        meetings_held integer NOT NULL,
        topics_by_step jsonb NOT NULL,
        opinions_collected integer NOT NULL,
        proposals_adopted integer NOT NULL,
        step_days jsonb NOT NULL,
        ratings_count integer NOT NULL,
        ratings_sum integer NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (unit_id, period)
      )`);
    await queryRunner.query(
      `CREATE INDEX deliberation_monthly_reports_path_idx ON deliberation_monthly_reports (period, unit_path text_pattern_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['deliberation_monthly_reports', 'deliberation_convention_comments']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE deliberation_votes DROP CONSTRAINT deliberation_votes_convention_fk`);
    await queryRunner.query(`ALTER TABLE deliberation_topics DROP CONSTRAINT deliberation_topics_proposal_fk`);
    for (const table of [
      'deliberation_conventions',
      'deliberation_representatives',
      'deliberation_joint_attendance',
      'deliberation_joint_members',
      'deliberation_meeting_minutes',
      'deliberation_meeting_attendance',
      'deliberation_meeting_agenda',
      'deliberation_meetings',
      'deliberation_proposal_cosigners',
      'deliberation_proposals',
      'deliberation_ballots',
      'deliberation_vote_electors',
      'deliberation_votes',
      'deliberation_ratings',
      'deliberation_progress_reports',
      'deliberation_milestones',
      'deliberation_objections',
      'deliberation_reviews',
      'deliberation_topic_supporters',
      'deliberation_opinions',
      'deliberation_step_changes',
      'deliberation_topics',
      'deliberation_categories',
      'deliberation_settings',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
