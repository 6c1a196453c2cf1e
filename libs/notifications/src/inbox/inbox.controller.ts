import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, mapPage, UuidParam } from '@linli/platform';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { NotificationPageDto } from './dto/notification-page.dto';
import { NotificationDto } from './dto/notification.dto';
import { ReadAllResultDto } from './dto/read-all-result.dto';
import { UnreadCountDto } from './dto/unread-count.dto';
import { InboxService } from './inbox.service';

/** Same answer as the kernel's other `:id` routes: a malformed id is a 400 validation problem. */

/** The caller's own notifications (by user id, or by the person their account is linked to): any logged-in user, own records only. */
@ApiTags('notifications')
@AnyAuthenticated()
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary: 'My notifications, newest first',
    description: 'Includes those addressed to the person my account is linked to.',
  })
  @ApiOkResponse({ type: NotificationPageDto })
  async list(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxQueryDto): Promise<NotificationPageDto> {
    return mapPage(await this.inbox.list(user, query), NotificationDto.from);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of my notifications are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountDto> {
    return { count: await this.inbox.unreadCount(user) };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<ReadAllResultDto> {
    return { updated: await this.inbox.markAllRead(user) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark one of my notifications read',
    description: "Someone else's notification answers 404, like a missing one.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: no such notification in my inbox' })
  async read(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<NotificationDto> {
    return NotificationDto.from(await this.inbox.markRead(user, id));
  }
}
