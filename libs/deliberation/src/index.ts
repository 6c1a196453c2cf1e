export * from './deliberation.domain';
export * from './deliberation.module';
export * from './deliberation.schema';
export * from './deliberation-events';
export * from './topics/topic-steps';
export * from './settings/deliberation-setting';
