import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class AdvanceTopicDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why the topic moves on (recorded in its history)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class WithdrawTopicDto {
  @ApiProperty({ maxLength: 500, example: '诉求已通过其他渠道解决' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class MergeTopicDto {
  @ApiProperty({ format: 'uuid', description: 'The topic to merge into (collecting opinions, same community)' })
  @IsUUID()
  intoTopicId: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
