import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { VolunteerStage } from './volunteer-stage';

/** One step along the growth path, made by a secretary with a reason. */
@Entity('volunteer_stage_changes')
export class VolunteerStageChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ name: 'from_stage', type: 'varchar', length: 32 })
  fromStage: VolunteerStage;

  @Column({ name: 'to_stage', type: 'varchar', length: 32 })
  toStage: VolunteerStage;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'changed_by', type: 'uuid' })
  changedBy: string;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}
