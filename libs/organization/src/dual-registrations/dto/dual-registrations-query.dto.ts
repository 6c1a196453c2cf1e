import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { DUAL_REGISTRATION_KINDS } from '../dual-registration-kind';
import { DualRegistrationKind } from '../dual-registration.entity';

export class DualRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Registrations with this community (or any community below this unit); 404 when outside your scope',
  })
  @IsOptional()
  @IsUUID()
  communityUnitId?: string;

  @ApiPropertyOptional({ enum: DUAL_REGISTRATION_KINDS })
  @IsOptional()
  @IsIn(DUAL_REGISTRATION_KINDS)
  kind?: DualRegistrationKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only registrations not ended; false: only ended ones' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
