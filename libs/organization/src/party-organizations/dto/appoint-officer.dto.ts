import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { OFFICER_ROLES, OfficerRole } from '../organization-kind';
import { IsCalendarDate } from '@linli/platform';

export class AppointOfficerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ enum: OFFICER_ROLES, description: "A new secretary ends the current secretary's tenure" })
  @IsIn(OFFICER_ROLES)
  role: OfficerRole;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  @IsCalendarDate()
  termStart: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2031-03-01',
    description:
      'Default by kind: committee, branch and joint branch 5 years, general branch 3 years, party group none',
  })
  @IsOptional()
  @IsCalendarDate()
  termEnd?: string;
}
