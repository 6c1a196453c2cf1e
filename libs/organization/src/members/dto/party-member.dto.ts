import { ApiProperty } from '@nestjs/swagger';
import {
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_DISPLAY,
  MEMBER_STATUS_DISPLAY,
  MEMBER_STATUSES,
  MemberCategory,
  MemberStatus,
} from '../member-category';
import { PartyMemberEntity } from '../party-member.entity';

export class PartyMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '李明' })
  personName: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: '幸福小区党支部' })
  organizationName: string;

  @ApiProperty({ enum: MEMBER_CATEGORIES })
  category: MemberCategory;

  @ApiProperty({ example: '在职党员' })
  displayCategory: string;

  @ApiProperty({ enum: MEMBER_STATUSES })
  status: MemberStatus;

  @ApiProperty({ example: '正式党员' })
  displayStatus: string;

  @ApiProperty({ format: 'date', example: '2015-07-01' })
  joinedAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  static fill<T extends PartyMemberDto>(
    dto: T,
    member: PartyMemberEntity,
    personName: string,
    organizationName: string,
  ): T {
    dto.id = member.id;
    dto.personId = member.personId;
    dto.personName = personName;
    dto.organizationId = member.organizationId;
    dto.organizationName = organizationName;
    dto.category = member.category;
    dto.displayCategory = MEMBER_CATEGORY_DISPLAY[member.category];
    dto.status = member.status;
    dto.displayStatus = MEMBER_STATUS_DISPLAY[member.status];
    dto.joinedAt = member.joinedAt;
    dto.createdAt = member.createdAt.toISOString();
    dto.updatedAt = member.updatedAt.toISOString();
    return dto;
  }
}
