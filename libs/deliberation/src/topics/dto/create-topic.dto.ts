import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { REVIEW_PARTIES, TOPIC_SOURCES, TopicSource } from '../topic-steps';

/** Sources staff name; `resident_proposal` is set only when a proposal reaches its threshold. */
const STAFF_SOURCES = TOPIC_SOURCES.filter((source) => source !== 'resident_proposal');

export class CreateTopicDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A community, grid, complex or building in your deliberation.manage scope',
  })
  @IsUUID()
  unitId: string;

  @ApiProperty({ maxLength: 200, example: '3号楼加装电梯' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: 'lift_installation', description: 'A category code (GET /deliberation/categories)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(48)
  category: string;

  @ApiPropertyOptional({ enum: STAFF_SOURCES, default: 'grid_worker' })
  @IsOptional()
  @IsIn(STAFF_SOURCES)
  source?: TopicSource;

  @ApiPropertyOptional({
    enum: REVIEW_PARTIES,
    isArray: true,
    description: 'Parties whose joint review is required (default: party_organization, residents_committee)',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(REVIEW_PARTIES.length)
  @IsIn(REVIEW_PARTIES, { each: true })
  requiredParties?: string[];
}
