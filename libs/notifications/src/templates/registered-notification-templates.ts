import { Injectable } from '@nestjs/common';
import { NotificationTemplate } from './notification-template';
import { findNotificationTemplate } from '@linli/platform';
import { NotificationTemplateSource } from './notification-template-source';
import './kernel-templates';

/** The templates registered in code with `defineNotificationTemplates`. */
@Injectable()
export class RegisteredNotificationTemplates extends NotificationTemplateSource {
  find(key: string): NotificationTemplate | undefined {
    return findNotificationTemplate(key);
  }
}
