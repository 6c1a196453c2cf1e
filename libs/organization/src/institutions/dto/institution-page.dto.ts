import { ApiProperty } from '@nestjs/swagger';
import { InstitutionDto } from './institution.dto';

export class InstitutionPageDto {
  @ApiProperty({ type: [InstitutionDto] })
  items: InstitutionDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
