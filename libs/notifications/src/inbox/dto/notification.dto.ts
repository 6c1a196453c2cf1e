import { ApiProperty } from '@nestjs/swagger';
import { Notification } from '../notification.entity';

/** One inbox item. */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'points.earned', description: 'Key of the template the texts were rendered from' })
  templateKey: string;

  @ApiProperty({ example: '积分到账' })
  title: string;

  @ApiProperty({ example: '您获得了 5 积分：参加志愿服务' })
  body: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { points: 5, reason: '参加志愿服务' },
    description: 'The variables the texts were rendered with',
  })
  data: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the recipient marked it read; null while unread',
  })
  readAt: string | null;

  static from(notification: Notification): NotificationDto {
    const dto = new NotificationDto();
    dto.id = notification.id;
    dto.templateKey = notification.templateKey;
    dto.title = notification.title;
    dto.body = notification.body;
    dto.data = notification.data;
    dto.createdAt = notification.createdAt.toISOString();
    dto.readAt = notification.readAt ? notification.readAt.toISOString() : null;
    return dto;
  }
}
