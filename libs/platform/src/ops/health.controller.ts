import { Controller, Get, Header, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { MetricsRegistry } from './metrics-registry';
import { ReadinessService } from './readiness.service';

@ApiTags('ops')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    private readonly metrics: MetricsRegistry,
  ) {}

  @Get('health')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer (503 otherwise)' })
  async ready(@Res() reply: FastifyReply): Promise<void> {
    const report = await this.readiness.check();
    await reply.status(report.status === 'ready' ? 200 : 503).send(report);
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics: HTTP latency, queue depths, job outcomes' })
  metricsText(): Promise<string> {
    return this.metrics.render();
  }
}
