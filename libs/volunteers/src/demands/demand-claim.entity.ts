import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ClaimantOrganizationKind, ClaimStatus } from './demand-kind';

/** A claim on a demand by a person or an organization; at most one is `live` per demand. */
@Entity('volunteer_demand_claims')
export class DemandClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @Column({ name: 'claimant_person_id', type: 'uuid', nullable: true })
  claimantPersonId: string | null;

  @Column({ name: 'claimant_organization_id', type: 'uuid', nullable: true })
  claimantOrganizationId: string | null;

  @Column({ name: 'claimant_organization_kind', type: 'varchar', length: 24, nullable: true })
  claimantOrganizationKind: ClaimantOrganizationKind | null;

  @Column({ name: 'claimed_by_user_id', type: 'uuid' })
  claimedByUserId: string;

  @Column({ type: 'varchar', length: 16, default: 'live' })
  status: ClaimStatus;

  @Column({ name: 'claimed_at', type: 'timestamptz' })
  claimedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'smallint', default: 0 })
  extensions: number;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
