import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class LinkPersonDto {
  @ApiProperty({ format: 'uuid', description: 'The person the account acts for; must lie within your scope' })
  @IsUUID()
  personId: string;
}
