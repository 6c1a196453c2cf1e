import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../permissions';
import { GrantDto } from './grant.dto';

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty({ nullable: true, type: String })
  displayName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The person this account acts for' })
  personId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Home unit; null = deployment-wide' })
  unitId: string | null;

  @ApiProperty({ description: 'An administrator reset your password: change it (POST /auth/password) first' })
  passwordChangeRequired: boolean;

  @ApiProperty({ type: [GrantDto] })
  grants: GrantDto[];

  @ApiProperty({
    enum: Permission,
    isArray: true,
    description: 'What your grants allow somewhere (each within its unit subtree)',
  })
  permissions: Permission[];
}
