import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class CreateProposalDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A community, grid, complex or building you live in (or below)',
  })
  @IsUUID()
  unitId: string;

  @ApiProperty({ maxLength: 200, example: '楼道加装扶手' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  title: string;

  @ApiProperty({ maxLength: 5000, example: '老人上下楼不便，建议在楼道加装扶手' })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(5000)
  description: string;

  @ApiPropertyOptional({ maxLength: 48, default: 'other', description: 'A topic category code' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  category?: string;
}
