import { ApiProperty } from '@nestjs/swagger';
import { AssessmentResultDto } from './assessment-result.dto';

export class AssessmentPageDto {
  @ApiProperty({ type: [AssessmentResultDto] })
  items: AssessmentResultDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
