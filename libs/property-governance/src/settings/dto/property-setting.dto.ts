import { ApiProperty } from '@nestjs/swagger';
import { IsInt } from 'class-validator';
import { PROPERTY_SETTING_KEYS } from '../property-setting';

export class PropertySettingDto {
  @ApiProperty({ enum: PROPERTY_SETTING_KEYS })
  key: string;

  @ApiProperty({ description: 'What it sets, in Chinese' })
  description: string;

  @ApiProperty({ description: 'The value in force (the default unless changed)' })
  value: number;

  @ApiProperty({ description: 'The value when the deployment sets none' })
  default: number;

  @ApiProperty()
  min: number;

  @ApiProperty()
  max: number;

  @ApiProperty({ description: 'Only odd values are accepted' })
  odd: boolean;

  @ApiProperty({ description: 'Whether the deployment changed it from the default' })
  changed: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The account that last changed it' })
  updatedByUserId: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;
}

export class PropertySettingsDto {
  @ApiProperty({ type: [PropertySettingDto] })
  items: PropertySettingDto[];
}

export class PutPropertySettingDto {
  @ApiProperty({ description: 'The new value (within the setting’s min and max)' })
  @IsInt()
  value: number;
}
