import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '@linli/platform';
import { CATEGORY_CODE } from '../../categories/dto/case-category.dto';

export class CreateCaseDepartmentDto {
  @ApiProperty({ description: 'The street (街道/乡镇) or district (区) the department belongs to' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: '司法所' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: [String], example: ['dispute.neighbour'], description: 'Codes of the categories it handles' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(CATEGORY_CODE, { each: true })
  categoryCodes: string[];
}

export class CaseDepartmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the departments at this unit or below' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only the departments handling this category' })
  @IsOptional()
  @Matches(CATEGORY_CODE)
  categoryCode?: string;
}

export class CaseDepartmentDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  unitId: string;

  @ApiProperty({ example: '示范街道' })
  unitName: string;

  @ApiProperty({ example: '司法所' })
  name: string;

  @ApiProperty({ type: [String] })
  categoryCodes: string[];
}

export class CaseDepartmentPageDto {
  @ApiProperty({ type: [CaseDepartmentDto] })
  items: CaseDepartmentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
