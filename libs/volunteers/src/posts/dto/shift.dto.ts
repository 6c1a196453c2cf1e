import { ApiProperty } from '@nestjs/swagger';

export class ShiftDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ example: 3 }) slots: number;
  @ApiProperty({ example: 1, description: 'Live claims' }) claimed: number;
  @ApiProperty({ example: 2 }) slotsLeft: number;
  @ApiProperty({ description: 'The shift has started: no more claims or releases' }) started: boolean;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "The caller's own live claim of this shift (to release it)",
  })
  myClaimId: string | null;
}
