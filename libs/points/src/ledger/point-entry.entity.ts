import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from './bigint.transformer';
import { PointEntryKind } from './point-entry-kind';

/** One line of an account's ledger. Append-only: a trigger refuses UPDATE and DELETE; a correction is a reversal. */
@Entity('point_entries')
export class PointEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Write order; entries are listed newest first by it. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'varchar' })
  kind: PointEntryKind;

  /** Signed: positive earns, negative spends. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintNumber })
  balanceAfter: number;

  /** What the owner reads, in Chinese (`参加活动「社区清洁日」获得积分`). */
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId: string | null;

  @Column({ name: 'rule_version', type: 'integer', nullable: true })
  ruleVersion: number | null;

  @Column({ name: 'source_event_id', type: 'uuid', nullable: true })
  sourceEventId: string | null;

  /** The account that made a manual adjustment; null for rules and jobs. */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'reverses_entry_id', type: 'uuid', nullable: true })
  reversesEntryId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** When the points were earned or spent (an event's time for rule credits). */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
