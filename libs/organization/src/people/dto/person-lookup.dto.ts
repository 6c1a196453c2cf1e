import { ApiProperty } from '@nestjs/swagger';
import { PersonDto } from './person.dto';

/** The people an exact lookup found in your people.reveal scope (masked), by name; at most `PEOPLE_LOOKUP_LIMIT`. */
export class PersonLookupDto {
  @ApiProperty({ type: [PersonDto] })
  items: PersonDto[];
}
