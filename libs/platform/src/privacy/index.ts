export * from './domain-registry';
export * from './identity-holds';
export * from './personal-data';
export * from './personal-data-erasers';
export * from './personal-data-exporters';
export * from './privacy.module';
export * from './privacy.problems';
export * from './pseudonym';
