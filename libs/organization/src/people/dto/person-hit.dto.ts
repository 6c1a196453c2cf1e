import { ApiProperty } from '@nestjs/swagger';
import { PersonDto } from './person.dto';

/** A person found by a search (masked like every person the api shows). */
export class PersonHitDto extends PersonDto {
  @ApiProperty({
    example: 3,
    description: 'Levels their residence lies below the nearest unit you hold people.read at; results are ranked by it',
  })
  distance: number;
}

export class PersonHitPageDto {
  @ApiProperty({ type: [PersonHitDto] })
  items: PersonHitDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
