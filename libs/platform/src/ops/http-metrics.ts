import { FastifyInstance } from 'fastify';
import { MetricsRegistry } from './metrics-registry';

/** Records `linli_http_request_duration_seconds{method,route,status}` for every request. */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  const histogram = metrics.histogram(
    'linli_http_request_duration_seconds',
    'HTTP request latency',
    ['method', 'route', 'status'],
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      { method: request.method, route: request.routeOptions?.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
