export * from './common-problems';
export * from './problem-json.filter';
export * from './problem.exception';
export * from './validation';
