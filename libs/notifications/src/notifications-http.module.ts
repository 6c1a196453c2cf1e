import { Module } from '@nestjs/common';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { NotificationsModule } from './notifications.module';

/** The inbox endpoints under `/api/v1/me/notifications`; mounted by the api. */
@Module({ imports: [NotificationsModule], controllers: [InboxController], providers: [InboxService] })
export class NotificationsHttpModule {}
