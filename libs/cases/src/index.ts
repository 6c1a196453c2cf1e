export * from './cases.domain';
export * from './cases.module';
export * from './cases.schema';
export * from './cases-events';
export * from './calendar/working-days';
