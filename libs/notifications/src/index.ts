export * from './notifications.module';
export * from './notifications.schema';
