import { PageQueryDto } from '@linli/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** `?unread=true&limit=&cursor=` */
export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only notifications not yet read', example: true })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}
