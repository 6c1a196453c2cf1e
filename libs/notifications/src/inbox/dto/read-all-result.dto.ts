import { ApiProperty } from '@nestjs/swagger';

export class ReadAllResultDto {
  @ApiProperty({ example: 3, minimum: 0, description: 'How many notifications were unread and are now read' })
  updated: number;
}
