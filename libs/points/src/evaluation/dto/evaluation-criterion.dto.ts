import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

/** One criterion of a campaign and its weight (the weights of a campaign sum to 100). */
export class EvaluationCriterionDto {
  @ApiProperty({ example: 'service', pattern: '^[a-z][a-z0-9_-]{0,31}$' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/)
  code: string;

  @ApiProperty({ example: '服务群众', maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: 40, minimum: 1, maximum: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;
}
