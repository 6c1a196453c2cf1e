import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ConventionVoteDto {
  @ApiProperty({
    format: 'uuid',
    description:
      "The closed vote on this convention: a residents' or representatives' vote (electorate residents or representatives) with pass rule two_thirds",
  })
  @IsUUID()
  voteId: string;
}

export class ConventionFilingDto {
  @ApiProperty({ format: 'date', example: '2026-12-20', description: 'The date the district recorded the filing' })
  @Matches(/^(19|20)\d{2}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD (1900–2099)' })
  @IsISO8601({ strict: true })
  filedOn: string;

  @ApiProperty({ maxLength: 200, example: '示民备〔2026〕12号', description: 'The filing reference (备案号)' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(200)
  reference: string;
}
