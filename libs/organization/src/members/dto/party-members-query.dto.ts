import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, MemberCategory, MemberStatus } from '../member-category';

export class PartyMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Members of this organization (404 when outside your scope)' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Members whose organization is anchored at this unit or below it, or who live there (404 when outside your scope)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: MEMBER_CATEGORIES })
  @IsOptional()
  @IsIn(MEMBER_CATEGORIES)
  category?: MemberCategory;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;
}
