export type { components, operations, paths } from './generated/schema';
export * from './create-linli-client';
export * from './login';
export * from './problem';
