import { Global, Module } from '@nestjs/common';
import { BusinessCalendar } from './business-calendar';
import { Clock, SystemClock } from './clock';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, BusinessCalendar],
  exports: [Clock, BusinessCalendar],
})
export class ClockModule {}
