import { ApiProperty } from '@nestjs/swagger';

export class SkillDto {
  @ApiProperty({ example: 'legal' })
  code: string;

  @ApiProperty({ example: '法律咨询', description: 'Display name (Chinese)' })
  name: string;

  @ApiProperty({ description: 'Part of the built-in taxonomy (false: added by the city)' })
  builtin: boolean;
}

export class SkillListDto {
  @ApiProperty({ type: [SkillDto] })
  items: SkillDto[];
}
