import { ApiProperty } from '@nestjs/swagger';
import { AVAILABILITY_SLOTS, VOLUNTEER_STAGES, VolunteerStage } from '../volunteer-stage';

export class LabelledCodeDto {
  @ApiProperty({ example: 'electrical' })
  code: string;

  @ApiProperty({ example: '电工维修', description: 'Display name (Chinese)' })
  name: string;
}

export class ProfileUnitDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '幸福小区' })
  name: string;

  @ApiProperty({ example: 'complex' })
  kind: string;
}

export class ProfileRatingDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 4.67,
    description: "Average of the requesters' ratings (1–5), two decimals; null before the first rating",
  })
  average: number | null;

  @ApiProperty({ example: 3 })
  count: number;
}

export class ProfileLevelDto {
  @ApiProperty({ example: 'star-3', description: 'star-1 … star-5' })
  code: string;

  @ApiProperty({ example: '三星志愿者' })
  display: string;
}

export class ProfileDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  personId: string;

  @ApiProperty({ example: '王芳', description: "The person's name (no other personal data is shown here)" })
  personName: string;

  @ApiProperty({ type: ProfileUnitDto, description: 'Home unit' })
  unit: ProfileUnitDto;

  @ApiProperty({ type: [LabelledCodeDto], description: 'Skills with their display names' })
  skills: LabelledCodeDto[];

  @ApiProperty({
    type: [LabelledCodeDto],
    description: `Availability slots (${AVAILABILITY_SLOTS.join(', ')}) with their display names`,
  })
  availability: LabelledCodeDto[];

  @ApiProperty({ nullable: true, type: String })
  bio: string | null;

  @ApiProperty({ example: 12.5, description: 'Total verified service hours' })
  verifiedHours: number;

  @ApiProperty({ type: ProfileRatingDto })
  rating: ProfileRatingDto;

  @ApiProperty({ type: ProfileLevelDto, description: 'Follows verified hours and ratings' })
  level: ProfileLevelDto;

  @ApiProperty({ enum: VOLUNTEER_STAGES, description: 'Growth path stage' })
  stage: VolunteerStage;

  @ApiProperty({ example: '骨干队员' })
  stageDisplay: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ProfilePageDto {
  @ApiProperty({ type: [ProfileDto] })
  items: ProfileDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
