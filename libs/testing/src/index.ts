export * from './boot';
export * from './test-config';
export * from './test-database';
export * from './test-run';
export * from './wait-for';
export * from './scenarios/unit-tree.scenario';
export * from './factories';
export * from './drain';
