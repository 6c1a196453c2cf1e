import { ApiProperty } from '@nestjs/swagger';
import { Role, ROLES } from '../../auth/roles';

export class ExportedGrantDto {
  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null = the whole deployment' })
  unitId: string | null;
}

export class ExportedAccountDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  username: string;

  @ApiProperty({ nullable: true, type: String })
  displayName: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Home unit; null = deployment-wide' })
  unitId: string | null;

  @ApiProperty()
  isActive: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: [ExportedGrantDto] })
  grants: ExportedGrantDto[];
}

/** `GET /me/data`: everything the platform holds about the caller (PIPL right of access and copy). */
export class PersonalDataExportDto {
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;

  @ApiProperty({ type: ExportedAccountDto })
  account: ExportedAccountDto;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The person the account acts for' })
  personId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    description:
      'One part per enabled domain, keyed by domain (organization, points, volunteers…), each as its exporter answers; empty when the account acts for no person',
  })
  domains: Record<string, Record<string, unknown>>;
}
