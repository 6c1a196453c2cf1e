import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { normaliseUsername, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, USERNAME_PATTERN } from './account-fields';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({
    example: 'wang.fang',
    pattern: USERNAME_PATTERN.source,
    description: 'Case-insensitive; stored lower-case',
  })
  @Transform(normaliseUsername)
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3-64 characters of a-z 0-9 _ . -' })
  username: string;

  @ApiProperty({ format: 'password', minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The person this account acts for (self-service)' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ example: '王芳', maxLength: 100 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Home unit (must be within your admin scope). Default: your admin grant's unit, or none (deployment-wide) for a deployment-wide admin",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
