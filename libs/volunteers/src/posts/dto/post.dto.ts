import { ApiProperty } from '@nestjs/swagger';
import { ShiftDto } from './shift.dto';

export class PostLocationViewDto {
  @ApiProperty() lat: number;
  @ApiProperty() lng: number;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
}

/** A post in a list: its fields and a summary of the shifts not yet started. */
export class PostDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: '幸福社区' }) unitName: string;
  @ApiProperty({ example: '党群服务中心值班岗' }) title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ type: [String], example: ['elderly_care'] }) requiredSkills: string[];
  @ApiProperty({ example: 3 }) slotsPerShift: number;
  @ApiProperty({ type: PostLocationViewDto, nullable: true }) location: PostLocationViewDto | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Check-in radius in metres around the location' }) radiusM:
    number | null;
  @ApiProperty({ format: 'uuid', description: 'The publishing user (the organizer)' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Shifts not yet started' }) upcomingShifts: number;
  @ApiProperty({ description: 'Slots left in the shifts not yet started' }) upcomingSlotsLeft: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) nextShiftStartsAt: string | null;
}

/** One post with all its shifts (oldest first) and the slots left in each. */
export class PostDetailDto extends PostDto {
  @ApiProperty({ type: [ShiftDto] }) shifts: ShiftDto[];
}

export class PostPageDto {
  @ApiProperty({ type: [PostDto] }) items: PostDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
