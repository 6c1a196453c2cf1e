import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

/** `POST /volunteers/posts/:id/claims`. */
export class ClaimShiftDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  shiftId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Omit to claim for yourself; staff with volunteers.manage may claim for a person in their scope',
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
}
