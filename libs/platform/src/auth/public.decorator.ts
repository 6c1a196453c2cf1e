import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { ROUTE_ACCESS, ROUTE_ACCESS_EXTENSION, RouteAccess } from './route-access';

export const IS_PUBLIC = 'linli:public';

/** Marks a route (or controller) that needs no login: health, login itself. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(IS_PUBLIC, true),
    SetMetadata(ROUTE_ACCESS, { mode: 'public' } satisfies RouteAccess),
    ApiExtension(ROUTE_ACCESS_EXTENSION, { mode: 'public' }),
  );
