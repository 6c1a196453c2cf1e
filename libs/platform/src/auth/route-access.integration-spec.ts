import { Controller, Get, Module, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { bootApi, resetState } from '@linli/testing';
import { AnyAuthenticated, RequirePermission } from './access.decorators';
import { Permission } from './permissions';
import { Public } from './public.decorator';
import { RouteAccessCatalog } from './route-access.catalog';

@Controller('forgetful')
class ForgetfulController {
  @Get()
  list(): string[] {
    return [];
  }
}

/** Just the catalog and one controller: no database, so a refused boot leaves nothing open. */
async function bootWith(controller: Type): Promise<void> {
  @Module({ imports: [DiscoveryModule], controllers: [controller], providers: [RouteAccessCatalog] })
  class CatalogModule {}
  const app = await NestFactory.create(CatalogModule, new FastifyAdapter(), { logger: false, abortOnError: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

@Controller('declared')
@AnyAuthenticated()
class DeclaredController {
  @Get('mine')
  mine(): string {
    return 'mine';
  }

  @Get('audit')
  @RequirePermission(Permission.AuditRead)
  audit(): string {
    return 'audit';
  }

  @Get('open')
  @Public()
  open(): string {
    return 'open';
  }
}

@Module({ controllers: [DeclaredController] })
class DeclaredModule {}

describe('route access rules', () => {
  beforeAll(() => resetState());

  it('refuses to boot when a route declares no access rule', async () => {
    await expect(bootWith(ForgetfulController)).rejects.toThrow(
      /routes without an access rule: GET \/forgetful \(ForgetfulController\.list\)/,
    );
  });

  it('boots when every route declares one', async () => {
    await expect(bootWith(DeclaredController)).resolves.toBeUndefined();
  });

  it('lets a method rule override its controller rule', async () => {
    const api = await bootApi({ modules: [DeclaredModule] });
    try {
      const token = await api.login('admin', 'admin-password-123');
      const clerk = await api.post('/api/v1/users', { username: 'clerk-1', password: 'password-123456' }, token);
      await api.post(`/api/v1/users/${clerk.body.id}/grants`, { role: 'store_clerk' }, token);
      const clerkToken = await api.login('clerk-1', 'password-123456');
      expect((await api.get('/api/v1/declared/mine')).status).toBe(401);
      expect((await api.get('/api/v1/declared/mine', clerkToken)).status).toBe(200);
      expect((await api.get('/api/v1/declared/audit', clerkToken)).status).toBe(403);
      expect((await api.get('/api/v1/declared/audit', token)).status).toBe(200);
      expect((await api.get('/api/v1/declared/open')).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});
