import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One finding of a stored monthly structure check (per city and period). */
@Entity('structure_findings')
export class StructureFindingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'period_key', type: 'varchar' })
  periodKey: string;

  @Column({ name: 'city_unit_id', type: 'uuid' })
  cityUnitId: string;

  @Column({ type: 'varchar' })
  rule: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'jsonb', default: {} })
  numbers: Record<string, number>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
