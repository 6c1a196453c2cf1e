import { ApiProperty } from '@nestjs/swagger';
import { HourRequestEntity, HourRequestStatus } from '../hour-request.entity';

export class HourRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty({ description: 'Hours requested' })
  hours: number;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] })
  status: HourRequestStatus;

  @ApiProperty({ nullable: true, type: Number, description: 'Hours recognised (approved only)' })
  approvedHours: number | null;

  @ApiProperty({ nullable: true, type: String })
  rejectReason: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(request: HourRequestEntity): HourRequestDto {
    const dto = new HourRequestDto();
    dto.id = request.id;
    dto.personId = request.personId;
    dto.unitId = request.unitId;
    dto.date = request.serviceDate;
    dto.hours = request.hours;
    dto.description = request.description;
    dto.status = request.status;
    dto.approvedHours = request.approvedHours;
    dto.rejectReason = request.rejectReason;
    dto.decidedAt = request.decidedAt?.toISOString() ?? null;
    dto.createdAt = request.createdAt.toISOString();
    return dto;
  }
}

export class HourRequestPageDto {
  @ApiProperty({ type: [HourRequestDto] })
  items: HourRequestDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}
