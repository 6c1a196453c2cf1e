import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEMAND_KIND_DISPLAY,
  DEMAND_KINDS,
  DEMAND_STATUS_DISPLAY,
  DEMAND_STATUSES,
  DemandKind,
  DemandStatus,
} from '../demand-kind';
import { DemandRow, FulfilmentRow } from '../demand-rows';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export class DemandClaimDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  personId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A party organization or an institution' })
  organizationId: string | null;

  @ApiProperty({ nullable: true, enum: ['party_organization', 'institution'] })
  organizationKind: string | null;

  @ApiProperty({ format: 'date-time' })
  claimedAt: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The claim lapses then unless the demand is fulfilled or the claim extended',
  })
  expiresAt: string;

  @ApiProperty({ example: 0 })
  extensions: number;
}

export class DemandFulfilmentDto {
  @ApiProperty({ format: 'uuid', description: 'The wishId of the volunteers.wish.* events' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  claimantPersonId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  claimantOrganizationId: string | null;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ enum: ['pending', 'confirmed', 'rejected'] })
  status: string;

  @ApiProperty({ nullable: true, type: Number })
  rating: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'Why the requester rejected it' })
  reason: string | null;

  @ApiProperty({ format: 'date-time' })
  fulfilledAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  resolvedAt: string | null;

  static from(row: FulfilmentRow): DemandFulfilmentDto {
    return Object.assign(new DemandFulfilmentDto(), {
      id: row.id,
      claimId: row.claim_id,
      claimantPersonId: row.claimant_person_id,
      claimantOrganizationId: row.claimant_organization_id,
      note: row.note,
      status: row.status,
      rating: row.rating === null ? null : Number(row.rating),
      reason: row.reason,
      fulfilledAt: iso(row.fulfilled_at) as string,
      resolvedAt: iso(row.resolved_at),
    });
  }
}

export class DemandDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DEMAND_KINDS })
  kind: DemandKind;

  @ApiProperty({ example: '微心愿' })
  displayKind: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '幸福小区' })
  unitName: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ nullable: true, type: String })
  description: string | null;

  @ApiProperty({ format: 'uuid' })
  requesterPersonId: string;

  @ApiProperty({ type: [String] })
  requiredSkills: string[];

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deadline: string | null;

  @ApiProperty({ example: 72 })
  claimHours: number;

  @ApiProperty({ enum: DEMAND_STATUSES })
  status: DemandStatus;

  @ApiProperty({ example: '待认领' })
  displayStatus: string;

  @ApiProperty({ nullable: true, type: Number, description: "The requester's rating of the confirmed fulfilment" })
  rating: number | null;

  @ApiProperty({ type: DemandClaimDto, nullable: true, description: 'The live claim (claimed or fulfilled)' })
  claim: DemandClaimDto | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the live claim lapses (null unless claimed)',
  })
  claimExpiresAt: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Seconds left on the live claim (null unless claimed)' })
  claimSecondsLeft: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  /** `unitName` comes from organization's directory (one call for a whole page). */
  static from(row: DemandRow, unitName: string, now: Date): DemandDto {
    return Object.assign(new DemandDto(), DemandDto.fields(row, unitName, now));
  }

  protected static fields(row: DemandRow, unitName: string, now: Date): DemandDto {
    const claim: DemandClaimDto | null =
      row.claim_id === null
        ? null
        : {
            id: row.claim_id,
            personId: row.claimant_person_id,
            organizationId: row.claimant_organization_id,
            organizationKind: row.claimant_organization_kind,
            claimedAt: iso(row.claimed_at) as string,
            expiresAt: iso(row.claim_expires_at) as string,
            extensions: Number(row.claim_extensions ?? 0),
          };
    const ticking = claim !== null && row.status === 'claimed' && row.claim_expires_at !== null;
    return {
      id: row.id,
      kind: row.kind,
      displayKind: DEMAND_KIND_DISPLAY[row.kind],
      unitId: row.unit_id,
      unitName,
      title: row.title,
      description: row.description,
      requesterPersonId: row.requester_person_id,
      requiredSkills: row.required_skills,
      deadline: iso(row.deadline),
      claimHours: Number(row.claim_hours),
      status: row.status,
      displayStatus: DEMAND_STATUS_DISPLAY[row.status],
      rating: row.rating === null ? null : Number(row.rating),
      claim,
      claimExpiresAt: ticking ? claim.expiresAt : null,
      claimSecondsLeft: ticking
        ? Math.max(0, Math.floor((new Date(row.claim_expires_at as Date).getTime() - now.getTime()) / 1000))
        : null,
      createdAt: iso(row.created_at) as string,
      updatedAt: iso(row.updated_at) as string,
    };
  }
}

export class DemandDetailDto extends DemandDto {
  @ApiPropertyOptional({ type: [DemandFulfilmentDto], description: 'Every fulfilment attempt, oldest first' })
  fulfilments: DemandFulfilmentDto[];

  static detail(row: DemandRow, unitName: string, fulfilments: FulfilmentRow[], now: Date): DemandDetailDto {
    return Object.assign(new DemandDetailDto(), DemandDto.fields(row, unitName, now), {
      fulfilments: fulfilments.map((f) => DemandFulfilmentDto.from(f)),
    });
  }
}

export class DemandPageDto {
  @ApiProperty({ type: [DemandDto] })
  items: DemandDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
