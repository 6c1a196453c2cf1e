import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { SKILL_CODE_PATTERN } from '../volunteer-skills';

export class CreateSkillDto {
  @ApiProperty({ example: 'sign_language', description: 'Lower-case letters, digits and underscores; never changes' })
  @Matches(SKILL_CODE_PATTERN)
  code: string;

  @ApiProperty({ example: '手语翻译' })
  @IsString()
  @Length(1, 64)
  name: string;
}
