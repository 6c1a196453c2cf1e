import { ApiProperty } from '@nestjs/swagger';
import { DELIBERATION_SETTING_KEYS } from '../deliberation-setting';

export class SettingValueDto {
  @ApiProperty({ description: "'*' (every unit kind) or a unit kind" })
  unitKind: string;

  @ApiProperty()
  value: number;
}

export class SettingDto {
  @ApiProperty({ enum: DELIBERATION_SETTING_KEYS })
  key: string;

  @ApiProperty({ description: 'What it sets, in Chinese' })
  description: string;

  @ApiProperty({ description: 'The value when the deployment sets none' })
  default: number;

  @ApiProperty()
  min: number;

  @ApiProperty()
  max: number;

  @ApiProperty({
    type: [SettingValueDto],
    description: "The deployment's values: for every unit kind ('*') and per kind",
  })
  values: SettingValueDto[];
}

export class SettingsDto {
  @ApiProperty({ type: [SettingDto] })
  items: SettingDto[];
}
