import { Injectable, OnModuleInit, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { RouteAccess, routeAccessOf } from './route-access';

/** A route of the api as its controller declares it (path without the global prefix). */
export interface DeclaredRoute {
  controller: string;
  handler: string;
  method: string;
  path: string;
  access: RouteAccess | undefined;
}

function paths(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value ?? ''];
  return list.map((p) => String(p).replace(/^\/+|\/+$/g, ''));
}

/**
 * Every controller route of the app with its access rule. Refuses to boot when a route declares
 * none of `@Public()`, `@AnyAuthenticated()`, `@RequirePermission()`, so nobody forgets.
 */
@Injectable()
export class RouteAccessCatalog implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const undeclared = this.routes().filter((route) => !route.access);
    if (undeclared.length > 0) {
      const list = undeclared.map((r) => `${r.method} /${r.path} (${r.controller}.${r.handler})`).join(', ');
      throw new Error(
        `routes without an access rule: ${list}. Add @RequirePermission(Permission.X), @AnyAuthenticated() or @Public().`,
      );
    }
  }

  routes(): DeclaredRoute[] {
    const routes: DeclaredRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const base of paths(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of paths(Reflect.getMetadata(PATH_METADATA, handler))) {
            routes.push({
              controller: controller.name,
              handler: name,
              method: RequestMethod[method],
              path: [base, own].filter(Boolean).join('/'),
              access: routeAccessOf(handler, controller),
            });
          }
        }
      }
    }
    return routes;
  }
}
