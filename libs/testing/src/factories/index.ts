export * from './unit-directory.factory';
export * from './user.factory';
