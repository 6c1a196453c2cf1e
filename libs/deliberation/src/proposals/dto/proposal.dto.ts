import { ApiProperty } from '@nestjs/swagger';
import { PROPOSAL_STATUSES, ProposalRecord, ProposalStatus } from '../proposal-record';

export class ProposalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty()
  category: string;

  @ApiProperty({ description: "The proposer's name" })
  proposerName: string;

  @ApiProperty({ enum: PROPOSAL_STATUSES, description: 'collecting 征集附议, adopted 已转为议题, withdrawn 已撤回' })
  status: ProposalStatus;

  @ApiProperty({ description: 'Co-signers so far (the proposer not counted)' })
  cosigners: number;

  @ApiProperty({ description: 'Co-signers that turn the proposal into a topic (frozen when it was made)' })
  threshold: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The topic it became, once adopted' })
  topicId: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  adoptedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'You made this proposal' })
  proposedByMe: boolean;

  @ApiProperty({ description: 'You co-signed this proposal' })
  cosignedByMe: boolean;

  static from(
    proposal: ProposalRecord,
    extra: { unitName: string; proposerName: string; proposedByMe: boolean; cosignedByMe: boolean },
  ): ProposalDto {
    const dto = new ProposalDto();
    dto.id = proposal.id;
    dto.unitId = proposal.unitId;
    dto.unitName = extra.unitName;
    dto.title = proposal.title;
    dto.description = proposal.description;
    dto.category = proposal.category;
    dto.proposerName = extra.proposerName;
    dto.status = proposal.status;
    dto.cosigners = proposal.cosignerCount;
    dto.threshold = proposal.threshold;
    dto.topicId = proposal.topicId;
    dto.adoptedAt = proposal.adoptedAt ? proposal.adoptedAt.toISOString() : null;
    dto.createdAt = proposal.createdAt.toISOString();
    dto.proposedByMe = extra.proposedByMe;
    dto.cosignedByMe = extra.cosignedByMe;
    return dto;
  }
}

export class ProposalPageDto {
  @ApiProperty({ type: [ProposalDto] })
  items: ProposalDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
