export * from './auth.module';
export * from './authenticated-user';
export * from './public.decorator';
