export * from './auth.module';
export * from './public.decorator';
