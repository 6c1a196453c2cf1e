import { ApiProperty } from '@nestjs/swagger';
import { PersonDto } from './person.dto';

export class PersonPageDto {
  @ApiProperty({ type: [PersonDto] })
  items: PersonDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
