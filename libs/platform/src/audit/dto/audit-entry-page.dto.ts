import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryDto } from './audit-entry.dto';

export class AuditEntryPageDto {
  @ApiProperty({ type: [AuditEntryDto] })
  items: AuditEntryDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
