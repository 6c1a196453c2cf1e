import { ApiProperty } from '@nestjs/swagger';
import { CONVENTION_STATUSES, ConventionRecord, ConventionStatus } from '../convention-record';

export class ConventionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The community' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ description: '1, 2, … per community' })
  version: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({
    enum: CONVENTION_STATUSES,
    description:
      'draft 草案, commenting 征求意见, voting 表决中, adopted 现行有效, rejected 未通过, superseded 已被新版本取代',
  })
  status: ConventionStatus;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'End of the public comment period' })
  commentEndsAt: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The vote that adopted (or rejected) it' })
  voteId: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  adoptedAt: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Filed with the district (备案) on' })
  filedOn: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The filing reference (备案号)' })
  filingReference: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The version this one replaces' })
  supersedesId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(convention: ConventionRecord, unitName: string): ConventionDto {
    const dto = new ConventionDto();
    dto.id = convention.id;
    dto.unitId = convention.unitId;
    dto.unitName = unitName;
    dto.version = convention.version;
    dto.title = convention.title;
    dto.body = convention.body;
    dto.status = convention.status;
    dto.commentEndsAt = convention.commentEndsAt ? convention.commentEndsAt.toISOString() : null;
    dto.voteId = convention.voteId;
    dto.adoptedAt = convention.adoptedAt ? convention.adoptedAt.toISOString() : null;
    dto.filedOn = convention.filedOn;
    dto.filingReference = convention.filingReference;
    dto.supersedesId = convention.supersedesId;
    dto.createdAt = convention.createdAt.toISOString();
    return dto;
  }
}

export class ConventionPageDto {
  @ApiProperty({ type: [ConventionDto] })
  items: ConventionDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
