import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StaffRoleKind } from './staff-role-kind';

/** A staff role located in the tree; `grantId` is the scope grant it brought to the person's account. */
@Entity('staff_roles')
export class StaffRoleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'varchar' })
  role: StaffRoleKind;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ name: 'grant_id', type: 'uuid', nullable: true })
  grantId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
