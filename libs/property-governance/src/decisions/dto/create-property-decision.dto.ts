import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DECISION_MATTERS, DecisionMatter } from '../decision-rules';

export class CreatePropertyDecisionDto {
  @ApiProperty({ format: 'uuid', description: 'The residential complex (小区) in your property.manage scope' })
  @IsUUID()
  complexId: string;

  @ApiProperty({ maxLength: 200, example: '关于加装电梯的业主共同决定' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({
    enum: DECISION_MATTERS,
    description:
      '民法典 第二百七十八条 (1)–(9); fund_raising, rebuilding and common_parts need 3/4 of the participating area and heads, the others more than half',
  })
  @IsIn(DECISION_MATTERS)
  matter: DecisionMatter;

  @ApiProperty({ format: 'date-time', description: 'Ballots from then' })
  @IsISO8601({ strict: true })
  opensAt: string;

  @ApiProperty({ format: 'date-time', description: 'After opensAt; ballots until then, the close job closes it then' })
  @IsISO8601({ strict: true })
  closesAt: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;
}
