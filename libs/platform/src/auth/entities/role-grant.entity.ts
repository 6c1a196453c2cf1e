import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import type { Role } from '../roles';
import { UserEntity } from './user.entity';

/** A role held at a unit (reaching its subtree); unit null = the whole deployment. */
@Entity({ name: 'role_grants' })
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, (user) => user.grants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** The unit's path when granted (kept current by `UnitPathMaintenance` when units move). */
  @Column({ name: 'unit_path', type: 'text', nullable: true })
  unitPath: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Who granted it; null for the bootstrap administrator. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
