import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { MilestoneRecord } from '../topic-execution.repository';

export class CreateMilestoneDto {
  @ApiProperty({ maxLength: 200, example: '完成管线迁改' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ format: 'date', example: '2027-01-15' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  dueOn: string;
}

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  doneAt: string | null;

  @ApiProperty({ description: 'Flagged as overdue (past its date, not done)' })
  overdue: boolean;

  static from(milestone: MilestoneRecord): MilestoneDto {
    return {
      id: milestone.id,
      title: milestone.title,
      dueOn: milestone.dueOn,
      doneAt: milestone.doneAt ? new Date(milestone.doneAt).toISOString() : null,
      overdue: milestone.doneAt === null && milestone.overdueFlaggedAt !== null,
    };
  }
}
