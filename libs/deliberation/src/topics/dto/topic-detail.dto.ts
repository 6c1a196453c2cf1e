import { ApiProperty } from '@nestjs/swagger';
import { MilestoneDto } from './milestone.dto';
import { ObjectionDto } from './objection.dto';
import { ProgressReportDto } from './progress.dto';
import { ReviewDto } from './review.dto';
import { TopicDto } from './topic.dto';

/** One topic with what each step gathered: reviews of the current round, objections, milestones and progress. */
export class TopicDetailDto extends TopicDto {
  @ApiProperty({ type: [ReviewDto], description: 'Reviews of the current round' })
  reviews: ReviewDto[];

  @ApiProperty({ type: [String], description: 'Required parties that have not answered in the current round' })
  missingParties: string[];

  @ApiProperty({ type: [ObjectionDto], description: 'Objections (staff in scope see all; a resident sees their own)' })
  objections: ObjectionDto[];

  @ApiProperty({ type: [MilestoneDto] })
  milestones: MilestoneDto[];

  @ApiProperty({ type: [ProgressReportDto] })
  progress: ProgressReportDto[];

  @ApiProperty({ description: 'Whether the caller (a resident) supports the topic' })
  supportedByMe: boolean;
}
