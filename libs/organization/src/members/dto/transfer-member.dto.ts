import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class TransferMemberDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The receiving organization (within your organizations.read scope; not a party group)',
  })
  @IsUUID()
  toOrganizationId: string;

  @ApiPropertyOptional({ example: '工作调动', maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the relation moved; default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  transferredAt?: string;
}
