import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsUUID } from 'class-validator';

export class ChangePropertyPartOwnersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'The new owners (co-owners)' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  ownerPersonIds!: string[];

  @ApiProperty({
    example: '2026-12-01',
    description: 'Date of the transfer (过户): ends the current rows, starts the new',
  })
  @IsISO8601({ strict: true })
  changedOn!: string;
}
