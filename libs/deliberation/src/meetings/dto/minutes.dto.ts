import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class MinutesDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'A topic on the agenda' })
  @IsUUID()
  topicId: string;

  @ApiProperty({ example: '同意加装电梯，费用按楼层分摊', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  decision: string;

  @ApiProperty({ description: 'Whether the meeting adopted it' })
  @IsBoolean()
  adopted: boolean;
}

export class MinutesFollowUpDto {
  @ApiProperty({ example: '联系电梯公司出具方案', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  task: string;

  @ApiProperty({ example: '居委会', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  owner: string;

  @ApiPropertyOptional({ format: 'date', example: '2027-01-15' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueOn?: string;
}

export class RecordMinutesDto {
  @ApiProperty({ maxLength: 10000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary: string;

  @ApiProperty({ type: [MinutesDecisionDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MinutesDecisionDto)
  decisions: MinutesDecisionDto[];

  @ApiPropertyOptional({ type: [MinutesFollowUpDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MinutesFollowUpDto)
  followUps?: MinutesFollowUpDto[];
}

export class MinutesFollowUpViewDto {
  @ApiProperty()
  task: string;

  @ApiProperty()
  owner: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  dueOn: string | null;
}

export class MinutesDecisionViewDto {
  @ApiProperty({ format: 'uuid' })
  topicId: string;

  @ApiProperty()
  decision: string;

  @ApiProperty()
  adopted: boolean;
}

export class MinutesDto {
  @ApiProperty()
  summary: string;

  @ApiProperty({ type: [MinutesDecisionViewDto] })
  decisions: MinutesDecisionViewDto[];

  @ApiProperty({ type: [MinutesFollowUpViewDto] })
  followUps: MinutesFollowUpViewDto[];

  @ApiProperty({ description: 'Attendees recorded when the minutes were' })
  attendeeCount: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}
