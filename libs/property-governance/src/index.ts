export * from './property-governance.domain';
export * from './property-governance.module';
export * from './property-governance.schema';
export * from './property-events';
export * from './decisions/decision-rules';
export * from './decisions/electorate-counting';
