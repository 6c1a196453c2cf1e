import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ConventionComment } from '../convention-comments.repository';

export class CreateConventionCommentDto {
  @ApiProperty({ maxLength: 2000, example: '建议增加关于高空抛物的条款' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MaxLength(2000)
  content: string;
}

export class ConventionCommentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: "The author's name" })
  authorName: string;

  @ApiProperty()
  content: string;

  @ApiProperty({ description: 'You wrote it' })
  mine: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(comment: ConventionComment, authorName: string, mine: boolean): ConventionCommentDto {
    const dto = new ConventionCommentDto();
    dto.id = comment.id;
    dto.authorName = authorName;
    dto.content = comment.content;
    dto.mine = mine;
    dto.createdAt = comment.createdAt.toISOString();
    return dto;
  }
}

export class ConventionCommentPageDto {
  @ApiProperty({ type: [ConventionCommentDto] })
  items: ConventionCommentDto[];

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
