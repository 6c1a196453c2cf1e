export * from './domain-definition';
