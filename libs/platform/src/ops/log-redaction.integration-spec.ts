import { Controller, Get, Global, Module, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Writable } from 'node:stream';
import { bootApi, resetState, TestApi } from '@linli/testing';
import { Public } from '../auth/public.decorator';
import { LOG_DESTINATION } from './log-redaction';

const PHONE = '13812345678';
const ID_NUMBER = '110101199003071234';

@Public()
@Controller('test-logs')
class LeakyController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('lookup')
  lookup(@Query('phone') _phone?: string): { ok: true } {
    return { ok: true };
  }

  /** A statement that fails on its bound parameter, the way a bug would. */
  @Get('fail')
  async fail(@Query('phone') phone: string): Promise<never> {
    await this.dataSource.query('SELECT $1::integer AS n, $2::text AS id', [`${phone}x`, ID_NUMBER]);
    throw new Error('unreachable');
  }
}

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

@Global()
@Module({
  controllers: [LeakyController],
  providers: [{ provide: LOG_DESTINATION, useValue: capture }],
  exports: [LOG_DESTINATION],
})
class CaptureLogsModule {}

describe('logs without personal data', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ modules: [CaptureLogsModule], env: { LOG_LEVEL: 'info' } });
    // Nest buffers its own logger's lines until listen(); an injected app never listens.
    api.app.flushLogs();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    lines.length = 0;
  });

  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, any>);

  it('logs request URLs with sensitive query values redacted', async () => {
    const response = await api.get(
      `/api/v1/test-logs/lookup?phone=${PHONE}&idNumber=${ID_NUMBER}&token=abc.def.ghi&limit=20`,
    );
    expect(response.status).toBe(200);
    const completed = parsed().find((entry) => entry.msg === 'request completed');
    expect(completed?.req.url).toBe(
      '/api/v1/test-logs/lookup?phone=[redacted]&idNumber=[redacted]&token=[redacted]&limit=20',
    );
    expect(completed?.req.id).toBe(response.headers['x-request-id']);
    const all = lines.join('\n');
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(ID_NUMBER);
    expect(all).not.toContain('abc.def.ghi');
  });

  it('logs a failed statement with its SQL and SQLSTATE but without its bound parameters', async () => {
    const response = await api.get(`/api/v1/test-logs/fail?phone=${PHONE}`);
    expect(response.status).toBe(500);
    expect(response.body.code).toBe('internal.error');
    const entries = parsed();
    const failure = entries.find((entry) => entry.err?.type === 'QueryFailedError');
    expect(failure).toBeDefined();
    expect(failure!.err.query).toBe('SELECT $1::integer AS n, $2::text AS id');
    expect(failure!.err.code).toMatch(/^22/); // a data exception
    expect(failure!.err.message).toContain('[redacted]');
    expect(failure!.err.parameters).toBeUndefined();
    expect(failure!.requestId).toBe(response.headers['x-request-id']);
    const all = lines.join('\n');
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(ID_NUMBER);
  });
});
