import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintNumber } from './bigint.transformer';
import { AccountKind, OwnerType } from './points-owner';

/** An owner's points of one kind. Changed only by `PointsLedger`, together with its entries and lots. */
@Entity('point_accounts')
export class PointAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'owner_type', type: 'varchar' })
  ownerType: OwnerType;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @Column({ type: 'varchar' })
  kind: AccountKind;

  /** Available points: the sum of the account's entries and of its available lots' remainders. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  balance: number;

  /** Points awaiting a confirmation; they neither count nor spend until confirmed. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  pending: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
