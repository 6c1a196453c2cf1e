import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A service post (志愿服务岗位) published at a community or a unit below it; its shifts carry the slots. */
@Entity('volunteer_posts')
export class ServicePostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Copy of the unit's path (declared in `postsSchema.pathCopies`: a subtree move rewrites it). */
  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 48, nullable: true })
  category: string | null;

  @Column({ name: 'required_skills', type: 'varchar', length: 48, array: true, default: () => "'{}'" })
  requiredSkills: string[];

  @Column({ name: 'slots_per_shift', type: 'integer' })
  slotsPerShift: number;

  @Column({ name: 'location_lat', type: 'double precision', nullable: true })
  locationLat: number | null;

  @Column({ name: 'location_lng', type: 'double precision', nullable: true })
  locationLng: number | null;

  @Column({ name: 'location_address', type: 'varchar', length: 200, nullable: true })
  locationAddress: string | null;

  @Column({ name: 'radius_m', type: 'integer', nullable: true })
  radiusM: number | null;

  /** The user who published it (the organizer: may show the check-in code and verify). */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
