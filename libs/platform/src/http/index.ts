export * from './uuid-param';
export * from './upload-limits';
