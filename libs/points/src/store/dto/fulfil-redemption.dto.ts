import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class FulfilRedemptionDto {
  @ApiProperty({ description: 'The code the owner shows at the counter', example: 'K7P2XQ9M' })
  @IsString()
  @Length(1, 16)
  pickupCode: string;
}
