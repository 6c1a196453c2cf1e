export * from './reference-resolver';
export * from './reference-resolvers';
export * from './scoped-references';
export * from './sql-reference-paths';
