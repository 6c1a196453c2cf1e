import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsCalendarDate } from '@linli/platform';

export class ChoosePropertyCommitteeOfficersDto {
  @ApiProperty({ format: 'uuid', description: 'A current member: the chair (主任)' })
  @IsUUID()
  chairPersonId: string;

  @ApiProperty({ format: 'uuid', description: 'Another current member: the vice-chair (副主任)' })
  @IsUUID()
  viceChairPersonId: string;
}

export class FilePropertyCommitteeDto {
  @ApiProperty({
    format: 'date',
    example: '2026-12-20',
    description: 'The day the street office (街道办事处) accepted the filing',
  })
  @IsCalendarDate()
  filedOn: string;

  @ApiProperty({ maxLength: 200, example: '朝街备〔2026〕12号', description: 'The filing’s reference number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  filingReference: string;
}

export class RecordPropertyCommitteeChangeDto {
  @ApiProperty({ maxLength: 2000, example: '委员张某因房屋出售辞去委员职务，经业主大会补选李某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description: string;

  @ApiProperty({ format: 'date', description: 'When it changed: not before the election, not after today' })
  @IsCalendarDate()
  changedOn: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Members leaving (current members)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  leavingPersonIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Members joining (owners of the complex, not members now)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  joiningPersonIds?: string[];
}

export class ReportPropertyCommitteeChangeDto {
  @ApiProperty({ format: 'date', description: 'The day the change was reported to the street office' })
  @IsCalendarDate()
  reportedOn: string;
}
