import { ApiProperty } from '@nestjs/swagger';
import { DualRegistrationDto } from './dual-registration.dto';

export class DualRegistrationPageDto {
  @ApiProperty({ type: [DualRegistrationDto] })
  items: DualRegistrationDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
