import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One shift of a post: its time and slots; `claimed` counts live claims (never above `slots`). */
@Entity('volunteer_post_shifts')
export class PostShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer' })
  slots: number;

  @Column({ type: 'integer', default: 0 })
  claimed: number;

  /** Seeds the rotating check-in code; never returned. */
  @Column({ name: 'check_in_secret', type: 'varchar', length: 64, select: false })
  checkInSecret: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
