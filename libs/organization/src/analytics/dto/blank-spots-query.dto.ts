import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@linli/platform';
import { IsIn, IsOptional } from 'class-validator';

export const BLANK_SPOT_KINDS = ['complex', 'building'] as const;
export type BlankSpotKind = (typeof BLANK_SPOT_KINDS)[number];

/** `GET /units/:id/blank-spots?kind=&limit=&cursor=`. */
export class BlankSpotsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BLANK_SPOT_KINDS, description: 'Only complexes or only buildings (default both)' })
  @IsOptional()
  @IsIn(BLANK_SPOT_KINDS)
  kind?: BlankSpotKind;
}
