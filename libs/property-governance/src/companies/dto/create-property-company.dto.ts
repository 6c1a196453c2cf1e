import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';

export class CreatePropertyCompanyDto {
  @ApiProperty({ example: '某某物业服务有限公司', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: '91350100M000100Y43',
    description: '统一社会信用代码 (18 characters, check character verified)',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @Length(18, 18)
  creditCode!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The company’s party organization, if any' })
  @IsOptional()
  @IsUUID()
  partyOrganizationId?: string;
}
