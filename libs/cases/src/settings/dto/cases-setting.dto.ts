import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { CASES_SETTING_KEYS } from '../cases-setting';

export class CasesSettingDto {
  @ApiProperty({ enum: CASES_SETTING_KEYS })
  key: string;

  @ApiProperty({ description: 'What it sets, in Chinese' })
  description: string;

  @ApiProperty({ description: 'The value in force (the default unless changed)' })
  value: number;

  @ApiProperty()
  default: number;

  @ApiProperty()
  min: number;

  @ApiProperty()
  max: number;

  @ApiProperty({ type: String, nullable: true })
  updatedByUserId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}

export class CasesSettingsDto {
  @ApiProperty({ type: [CasesSettingDto] })
  items: CasesSettingDto[];
}

export class PutCasesSettingDto {
  @ApiProperty({ example: 35 })
  @IsInt()
  value: number;
}
