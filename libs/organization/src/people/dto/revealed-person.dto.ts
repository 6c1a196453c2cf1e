import { ApiProperty } from '@nestjs/swagger';

/** The full personal data of one person (phone, ID number, birth date); every answer is in the audit log (`pii.revealed`). */
export class RevealedPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '王芳' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: '13812345678' })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String, example: '11010519491231002X' })
  idNumber: string | null;

  @ApiProperty({ format: 'date', nullable: true, type: String, example: '1949-12-31' })
  birthDate: string | null;
}
