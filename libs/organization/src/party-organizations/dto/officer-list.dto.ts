import { ApiProperty } from '@nestjs/swagger';
import { OfficerDto } from './officer.dto';

export class OfficerListDto {
  @ApiProperty({
    type: [OfficerDto],
    description: 'Current officers first (secretary, deputies, committee members), then past tenures, newest first',
  })
  items: OfficerDto[];
}
