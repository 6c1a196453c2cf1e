import { ApiProperty } from '@nestjs/swagger';

export class RepresentativeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty()
  personName: string;

  @ApiProperty({ format: 'date' })
  startedOn: string;

  @ApiProperty({ type: String, nullable: true, format: 'date' })
  endedOn: string | null;

  @ApiProperty({ type: String, nullable: true })
  endReason: string | null;

  @ApiProperty({ description: 'The mandate is in force' })
  active: boolean;
}

export class RepresentativePageDto {
  @ApiProperty({ type: [RepresentativeDto] })
  items: RepresentativeDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
