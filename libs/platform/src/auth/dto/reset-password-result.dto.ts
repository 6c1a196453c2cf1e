import { ApiProperty } from '@nestjs/swagger';

export class ResetPasswordResultDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The generated temporary password, shown this once (null when you gave one)',
  })
  temporaryPassword: string | null;

  @ApiProperty({ description: 'Always true: the owner must choose a new password at next login' })
  passwordChangeRequired: boolean;
}
