export * from './scales';
export * from './seed-city';
export type { GeneratedCounts } from './generation-context';
