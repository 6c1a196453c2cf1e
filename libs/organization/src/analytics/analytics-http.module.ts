import { Module } from '@nestjs/common';

/** HTTP face of analytics; mounted by the api. */
@Module({})
export class AnalyticsHttpModule {}
