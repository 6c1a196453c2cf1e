import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class SignUpDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Omit to sign yourself up (your account's person); staff with volunteers.manage may sign up others",
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
}
