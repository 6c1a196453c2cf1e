import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CATEGORY_CODE } from '../../categories/dto/case-category.dto';
import { CASE_CHANNELS, CASE_TYPES, CaseChannel, CaseType } from '../case-flow';

export class CreateCaseDto {
  @ApiProperty({ description: 'Where it is: a grid, complex, building (or any unit with a grid or community above)' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: CASE_CHANNELS })
  @IsIn(CASE_CHANNELS)
  channel: CaseChannel;

  @ApiProperty({
    enum: CASE_TYPES,
    description: 'demand 诉求, dispute 矛盾纠纷, hazard 安全隐患, city_management 城市管理',
  })
  @IsIn(CASE_TYPES)
  type: CaseType;

  @ApiProperty({ example: 'hazard.fire' })
  @Matches(CATEGORY_CODE)
  categoryCode: string;

  @ApiProperty({ example: '楼道堆放杂物' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({
    description: 'The reporting resident (staff reporting for someone); residents report as themselves',
  })
  @IsOptional()
  @IsUUID()
  reporterPersonId?: string;

  @ApiPropertyOptional({ description: 'Hide the reporter from handlers (visible only through the audited reveal)' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiPropertyOptional({ enum: ['normal', 'urgent'], default: 'normal' })
  @IsOptional()
  @IsIn(['normal', 'urgent'])
  urgency?: 'normal' | 'urgent';

  @ApiPropertyOptional({ type: [String], description: 'Evidence references (photo or file ids, URLs)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Parties to a dispute (people); visible only through the reveal',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  partyPersonIds?: string[];
}
