export * from './config.error';
export * from './config.module';
export * from './linli-config';
export * from './load-config';
