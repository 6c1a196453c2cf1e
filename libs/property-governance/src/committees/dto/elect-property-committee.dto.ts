import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ElectPropertyCommitteeDto {
  @ApiProperty({
    format: 'uuid',
    description:
      'A closed, passed owners’ decision of the committee_election category; the committee is elected on the day it closed',
  })
  @IsUUID()
  electionDecisionId: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'The elected members: owners of the complex now, an odd number from 5 (or the small-complex minimum) to 11',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberPersonIds: string[];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    default: 5,
    description: 'Term in years (at most 5, 指导规则 第三十一条)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  termYears?: number;
}
