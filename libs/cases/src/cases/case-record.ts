import { CaseChannel, CaseLevel, CaseStatus, CaseType, RejectReason, Satisfaction } from './case-flow';

/**
 * A case as its SQL row reads. Two clocks: `resolve_due_at` is the case's own resolution deadline
 * (the category's limit from registration, moved by suspensions) that on-time closing is judged by;
 * `level_due_at` is the current level's deadline (reset at each escalation and reopening) that
 * escalation and warnings watch.
 */
export interface CaseRow {
  id: string;
  channel: CaseChannel;
  type: CaseType;
  category_id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  description: string;
  evidence: string[];
  urgency: 'normal' | 'urgent';
  reporter_person_id: string | null;
  anonymous: boolean;
  party_person_ids: string[];
  external_id: string | null;
  status: CaseStatus;
  suspended_from: CaseStatus | null;
  level: CaseLevel;
  level_unit_id: string;
  handler_user_id: string | null;
  reported_at: Date;
  response_due_at: Date;
  responded_at: Date | null;
  registered_at: Date | null;
  resolve_due_at: Date | null;
  level_started_at: Date | null;
  level_due_at: Date | null;
  warned_at: Date | null;
  handled_at: Date | null;
  handled_by_user_id: string | null;
  closed_at: Date | null;
  closed_on_time: boolean | null;
  rejected_at: Date | null;
  reject_reason: RejectReason | null;
  duplicate_of_id: string | null;
  suspended_at: Date | null;
  suspended_ms: string;
  rework_count: number;
  reopen_count: number;
  escalation_count: number;
  visited_at: Date | null;
  satisfaction: Satisfaction | null;
  created_by_user_id: string | null;
  updated_at: Date;
}

export interface CaseTaskRow {
  id: string;
  case_id: string;
  department_id: string;
  status: 'open' | 'done';
  note: string | null;
  done_at: Date | null;
}

export interface CaseStepRow {
  id: string;
  case_id: string;
  action: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  level: CaseLevel;
  user_id: string | null;
  note: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/** Columns a step may change on a case (snake_case, as stored). */
export type CasePatch = Partial<Omit<CaseRow, 'id' | 'suspended_ms'>> & { suspended_ms?: number | string };
