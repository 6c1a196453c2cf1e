import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { REVIEW_PARTIES, REVIEW_PARTY_DISPLAY, ReviewParty } from '../topic-steps';
import { ReviewRecord } from '../topic-reviews.repository';

export class CreateReviewDto {
  @ApiProperty({ enum: REVIEW_PARTIES })
  @IsIn(REVIEW_PARTIES)
  party: ReviewParty;

  @ApiProperty({ maxLength: 2000, example: '同意，需先完成管线迁改' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion: string;

  @ApiProperty({ description: 'The feasibility conclusion (可行性结论)' })
  @IsBoolean()
  feasible: boolean;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  round: number;

  @ApiProperty({ enum: REVIEW_PARTIES })
  party: string;

  @ApiProperty({ example: '社区党组织' })
  partyName: string;

  @ApiProperty()
  opinion: string;

  @ApiProperty()
  feasible: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(review: ReviewRecord): ReviewDto {
    return {
      id: review.id,
      round: review.round,
      party: review.party,
      partyName: REVIEW_PARTY_DISPLAY[review.party as ReviewParty] ?? review.party,
      opinion: review.opinion,
      feasible: review.feasible,
      createdAt: new Date(review.createdAt).toISOString(),
    };
  }
}
