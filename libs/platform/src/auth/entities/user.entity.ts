import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { RoleGrantEntity } from './role-grant.entity';

/** An account. Never returned as is: responses go through `UserDto` (no password hash). */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-case, unique. */
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** argon2id, PHC string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true })
  displayName: string | null;

  /** The person this account acts for (organization module); no foreign key across modules. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  /** Home unit: decides who may see and manage the account. Null = deployment-wide. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ name: 'unit_path', type: 'text', nullable: true })
  unitPath: string | null;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  /** Bumped on a password change: tokens carrying an older version are refused. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** Set by an administrator's password reset: until the owner changes it, only the password change is allowed. */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => RoleGrantEntity, (grant) => grant.user)
  grants?: Relation<RoleGrantEntity>[];
}
