import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AccountKind } from '../ledger/points-owner';
import { RuleCaps, RuleFilters, RulePer } from './point-rule-spec';

/** One version of a rule. Never changed once written: a change is a new version. */
@Entity('point_rule_versions')
export class PointRuleVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'event_type', type: 'varchar', length: 120 })
  eventType: string;

  @Column({ type: 'jsonb' })
  filters: RuleFilters;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles: string[];

  @Column({ name: 'account_kind', type: 'varchar' })
  accountKind: AccountKind;

  @Column({ type: 'integer' })
  points: number;

  @Column({ type: 'varchar' })
  per: RulePer;

  @Column({ type: 'jsonb' })
  caps: RuleCaps;

  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths: number | null;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'active_from', type: 'timestamptz', nullable: true })
  activeFrom: Date | null;

  @Column({ name: 'active_to', type: 'timestamptz', nullable: true })
  activeTo: Date | null;

  @Column({ name: 'credit_organization', type: 'boolean' })
  creditOrganization: boolean;

  @Column({ name: 'pending_until', type: 'varchar', length: 120, nullable: true })
  pendingUntil: string | null;

  @Column({ name: 'pending_rejected_by', type: 'varchar', length: 120, nullable: true })
  pendingRejectedBy: string | null;

  @Column({ name: 'pending_key', type: 'varchar', length: 64, nullable: true })
  pendingKey: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
