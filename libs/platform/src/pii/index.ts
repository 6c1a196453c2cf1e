export * from './masking';
export * from './pii-crypto';
export * from './pii.module';
