export * from './uuid-param';
export * from './upload-limits';
export * from './is-calendar-date';
