import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitKind } from './unit-kind';

/**
 * A governance unit. `path` is the materialized path of `seq` labels from the root (`1.12.305`):
 * a subtree is `path = p OR path LIKE p || '.%'`, a range scan on a text_pattern_ops index.
 */
@Entity('units')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short numeric label used in paths; assigned by the database, never reused. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'varchar' })
  kind: UnitKind;

  @Column({ type: 'varchar' })
  name: string;

  /** Administrative or office code; unique; the key of imports. */
  @Column({ type: 'varchar', nullable: true })
  code: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'smallint' })
  depth: number;

  /** 常住人口 as declared for the unit. */
  @Column({ type: 'integer', default: 0 })
  residents: number;

  @Column({ type: 'integer', default: 0 })
  households: number;

  @Column({ name: 'area_m2', type: 'numeric', nullable: true })
  areaM2: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
