import { DynamicModule, ForwardReference, Type } from '@nestjs/common';

export type AppModuleImport = Type | DynamicModule | ForwardReference;

export interface AppOptions {
  /** More modules to mount (tests use it for test-only subscribers, schedules and unit directories). */
  extraModules?: AppModuleImport[];
}
