export * from './audit-context';
export * from './audit-entry.entity';
export * from './audit-http.module';
export * from './audit-log.service';
export * from './audit.module';
