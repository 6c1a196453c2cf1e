import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from './bigint.transformer';
import { PointLotStatus } from './point-entry-kind';

/** One earning and what is left of it. Spending draws from lots that expire first, then the oldest. */
@Entity('point_lots')
export class PointLotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  /** The credit entry; null while pending (the entry is written on confirmation). */
  @Column({ name: 'entry_id', type: 'uuid', nullable: true })
  entryId: string | null;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amount: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  remaining: number;

  @Column({ type: 'varchar' })
  status: PointLotStatus;

  @Column({ name: 'earned_at', type: 'timestamptz' })
  earnedAt: Date;

  @Column({ name: 'available_from', type: 'timestamptz', nullable: true })
  availableFrom: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'rule_id', type: 'uuid', nullable: true })
  ruleId: string | null;

  @Column({ name: 'rule_version', type: 'integer', nullable: true })
  ruleVersion: number | null;

  @Column({ name: 'source_event_id', type: 'uuid', nullable: true })
  sourceEventId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey: string;

  /** For a pending lot: the key an event resolves to confirm it (`volunteers.wish.confirmed/wishId=…`). */
  @Column({ name: 'confirm_key', type: 'varchar', length: 300, nullable: true })
  confirmKey: string | null;

  /** For a pending lot: the key an event resolves to void it. */
  @Column({ name: 'reject_key', type: 'varchar', length: 300, nullable: true })
  rejectKey: string | null;

  @Column({ name: 'expiry_notified_at', type: 'timestamptz', nullable: true })
  expiryNotifiedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
