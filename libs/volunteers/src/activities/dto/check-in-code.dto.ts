import { ApiProperty } from '@nestjs/swagger';

export class CheckInCodeDto {
  @ApiProperty({ example: '042817', description: 'Show it at the venue; the previous code stays valid one more step' })
  code: string;

  @ApiProperty({ format: 'date-time', description: 'When the next code replaces it' })
  validUntil: string;
}
