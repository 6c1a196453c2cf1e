import { bootApi, expectProblem, resetState, TestApi } from '@linli/testing';

describe('api security headers, CORS, /docs and /metrics', () => {
  describe('with the defaults outside production', () => {
    let api: TestApi;

    beforeAll(async () => {
      await resetState();
      api = await bootApi();
    });
    afterAll(() => api.close());

    it('sends nosniff, frame denial and a locked-down CSP on API answers, errors included', async () => {
      for (const response of [
        await api.get('/health'),
        await api.get('/api/v1/no-such-route'),
        await api.get('/api/v1/me'),
      ]) {
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBe('DENY');
        expect(String(response.headers['content-security-policy'])).toContain("default-src 'none'");
        expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
        expect(response.headers['referrer-policy']).toBe('no-referrer');
        expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
        expect(response.headers['x-permitted-cross-domain-policies']).toBe('none');
      }
    });

    it('keeps Swagger UI working under its own CSP: no inline script, its scripts served', async () => {
      const page = await api.get('/docs');
      expect(page.status).toBe(200);
      expect(String(page.headers['content-type'])).toContain('text/html');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      // Every script of the page is an external file the CSP allows.
      expect(String(page.body)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
      const scripts = [...String(page.body).matchAll(/<script[^>]*src=['"]([^'"]+)['"]/g)].map((m) => m[1]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const src of scripts) {
        const script = await api.get(new URL(src, 'http://api.test/docs').pathname);
        expect(script.status).toBe(200);
        expect(script.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
      }
      expect((await api.get('/docs-json')).body.openapi).toMatch(/^3\./);
    });

    it('answers no CORS header to any origin while CORS_ORIGINS is unset', async () => {
      const preflight = await api.request('OPTIONS', '/api/v1/auth/login', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const simple = await api.request('GET', '/health', { headers: { origin: 'https://evil.example' } });
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('serves /metrics outside production', async () => {
      const metrics = await api.get('/metrics');
      expect(metrics.status).toBe(200);
      expect(String(metrics.body)).toContain('# HELP');
    });
  });

  describe('configured for production-like exposure', () => {
    let api: TestApi;
    const token = 'metrics-token-0123456789abcdef';

    beforeAll(async () => {
      await resetState();
      api = await bootApi({
        env: { CORS_ORIGINS: 'https://admin.example.cn', DOCS_ENABLED: 'false', METRICS_TOKEN: token },
      });
    });
    afterAll(() => api.close());

    it('allows exactly the configured origins', async () => {
      const allowed = await api.request('OPTIONS', '/api/v1/auth/login', {
        headers: { origin: 'https://admin.example.cn', 'access-control-request-method': 'POST' },
      });
      expect(allowed.status).toBeLessThan(300);
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.example.cn');
      const other = await api.request('OPTIONS', '/api/v1/auth/login', {
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('has no /docs when DOCS_ENABLED=false', async () => {
      expectProblem(await api.get('/docs'), 404, 'route.not-found');
      expectProblem(await api.get('/docs-json'), 404, 'route.not-found');
    });

    it('serves /metrics only with the metrics token', async () => {
      expectProblem(await api.get('/metrics'), 401, 'auth.unauthenticated');
      expectProblem(await api.get('/metrics', 'not-the-token-0123456789'), 401, 'auth.unauthenticated');
      expect((await api.get('/metrics', token)).status).toBe(200);
      expect((await api.get('/health')).status).toBe(200);
    });
  });

  describe('with METRICS_ENABLED=false', () => {
    let api: TestApi;

    beforeAll(async () => {
      await resetState();
      api = await bootApi({ env: { METRICS_ENABLED: 'false' } });
    });
    afterAll(() => api.close());

    it('answers /metrics with a 404 problem', async () => {
      expectProblem(await api.get('/metrics'), 404, 'route.not-found');
    });
  });
});
