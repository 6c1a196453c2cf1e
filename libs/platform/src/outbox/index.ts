export * from './outbox.module';
