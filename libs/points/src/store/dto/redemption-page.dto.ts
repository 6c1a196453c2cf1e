import { ApiProperty } from '@nestjs/swagger';
import { RedemptionDto } from './redemption.dto';

export class RedemptionPageDto {
  @ApiProperty({ type: [RedemptionDto] }) items: RedemptionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
