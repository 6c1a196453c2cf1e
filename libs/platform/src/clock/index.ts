export * from './business-calendar';
export * from './clock';
export * from './clock.module';
