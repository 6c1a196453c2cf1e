import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** `POST /points/evaluation-campaigns/:id/submissions`: the scores of one assignment, once. */
export class SubmitEvaluationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assignmentId: string;

  @ApiProperty({
    description: 'An integer 0–100 for every criterion code of the campaign',
    example: { service: 90, cooperation: 80 },
  })
  @IsObject()
  scores: Record<string, number>;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  comment?: string;
}
