import { Global, Module } from '@nestjs/common';
import { BullConfig } from './bull-config';
import { JobQueue } from './job-queue.service';

/** The producer side of messaging, available in every app. */
@Global()
@Module({ providers: [BullConfig, JobQueue], exports: [BullConfig, JobQueue] })
export class MessagingModule {}
