export * from './check-in-code';
