import { ApiProperty } from '@nestjs/swagger';

export class AssessmentAccountDto {
  @ApiProperty({ description: 'Assessment points (counted by the quarterly assessment, never spent)', example: 14 })
  balance: number;
}
