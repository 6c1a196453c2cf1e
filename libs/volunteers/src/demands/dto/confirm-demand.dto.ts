import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** The requester's rating; staff confirming on the requester's behalf must also say why (`reason`, audited). */
export class ConfirmDemandDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiPropertyOptional({
    example: '张奶奶没有手机，电话确认已修好',
    description: "Required when staff confirm on the requester's behalf (400 validation.failed without); audited.",
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}
