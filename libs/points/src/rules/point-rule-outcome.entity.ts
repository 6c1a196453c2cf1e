import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../ledger/bigint.transformer';

export const RULE_OUTCOMES = ['credited', 'capped', 'pending', 'rejected'] as const;
export type RuleOutcome = (typeof RULE_OUTCOMES)[number];

export const RULE_OUTCOME_DISPLAY: Record<RuleOutcome, string> = {
  credited: '已入账',
  capped: '已达上限',
  pending: '待确认',
  rejected: '未通过确认',
};

/** What one rule did for one owner on one event: the owner sees why an event earned nothing ("capped"). */
@Entity('point_rule_outcomes')
export class PointRuleOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** The credit's idempotency key; unique per account. */
  @Column({ name: 'credit_key', type: 'varchar', length: 200 })
  creditKey: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 120 })
  eventType: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion: number;

  @Column({ type: 'varchar' })
  outcome: RuleOutcome;

  /** What the rule computed before caps. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  requested: number;

  /** What was credited (or is pending); less than `requested` when a cap cut it. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  points: number;

  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId: string | null;

  @Column({ name: 'lot_id', type: 'uuid', nullable: true })
  lotId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
