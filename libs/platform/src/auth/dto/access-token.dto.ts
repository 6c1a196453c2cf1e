import { ApiProperty } from '@nestjs/swagger';

export class AccessTokenDto {
  @ApiProperty({ description: 'JWT; send as `Authorization: Bearer <accessToken>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires', example: 28800 })
  expiresIn: number;

  @ApiProperty({
    description:
      'An administrator reset the password: until POST /auth/password, every other route but GET /me answers 403 auth.password-change-required',
  })
  passwordChangeRequired: boolean;
}
