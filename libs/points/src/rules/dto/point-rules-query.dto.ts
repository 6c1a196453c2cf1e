import { ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPE_PATTERN, PageQueryDto } from '@linli/platform';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `GET /points/rules?eventType=&limit=&cursor=`. */
export class PointRulesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'volunteers.activity.attended' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(EVENT_TYPE_PATTERN)
  eventType?: string;
}
