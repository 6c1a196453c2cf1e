import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Role, ROLES } from '../roles';

export class CreateGrantDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The unit whose subtree the role reaches (within your admin scope). Omitted: the whole deployment (deployment-wide admins only)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
