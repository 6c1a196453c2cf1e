import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryEntity } from '../audit-entry.entity';

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null = the system' })
  actorUserId: string | null;

  @ApiProperty({ example: 'users.created' })
  action: string;

  @ApiProperty({ example: 'user' })
  targetType: string;

  @ApiProperty({ nullable: true, type: String })
  targetId: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  unitId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The x-request-id of the request that did it' })
  requestId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data: Record<string, unknown>;

  static from(entry: AuditEntryEntity): AuditEntryDto {
    const dto = new AuditEntryDto();
    dto.id = entry.id;
    dto.occurredAt = entry.occurredAt.toISOString();
    dto.actorUserId = entry.actorUserId;
    dto.action = entry.action;
    dto.targetType = entry.targetType;
    dto.targetId = entry.targetId;
    dto.unitId = entry.unitId;
    dto.requestId = entry.requestId;
    dto.data = entry.data;
    return dto;
  }
}
