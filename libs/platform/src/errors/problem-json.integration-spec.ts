import { Body, Controller, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { bootApi, resetState, TestApi } from '@linli/testing';
import { Public } from '../auth/public.decorator';

class AddressDto {
  @IsString()
  street: string;
}

class EchoDto {
  @IsString()
  name: string;

  @IsInt()
  @Min(0)
  count: number;

  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;
}

@Public()
@Controller('test-echo')
class EchoController {
  @Post()
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const valid = { name: '张三', count: 2, address: { street: '幸福路 1 号' } };

describe('problem+json errors', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ modules: [EchoModule], env: { BODY_LIMIT_BYTES: '2048' } });
  });
  afterAll(() => api.close());

  function expectProblem(
    response: { status: number; headers: Record<string, unknown>; body: any },
    status: number,
    code: string,
  ): void {
    expect(response.status).toBe(status);
    expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status, code, type: `urn:linli:problem:${code}` });
    expect(typeof response.body.title).toBe('string');
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  }

  it('accepts a valid body (the baseline the refusals below differ from)', async () => {
    const response = await api.post('/api/v1/test-echo', valid);
    expect(response.status).toBe(201);
    expect(response.body).toEqual(valid);
  });

  it('refuses an unknown field, naming it', async () => {
    const response = await api.post('/api/v1/test-echo', { ...valid, isAdmin: true });
    expectProblem(response, 400, 'validation.failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin', constraint: 'unknown' })]);
  });

  it('refuses an unknown nested field with its dotted path', async () => {
    const response = await api.post('/api/v1/test-echo', { ...valid, address: { street: 'x', floor: 3 } });
    expectProblem(response, 400, 'validation.failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'address.floor', constraint: 'unknown' })]);
  });

  it('refuses input nested deeper than any DTO (deep enough, it overflowed the validator: a 500)', async () => {
    const deep = JSON.parse('['.repeat(900) + ']'.repeat(900)) as unknown;
    const response = await api.post('/api/v1/test-echo', { ...valid, address: { street: 'x', deep } });
    expectProblem(response, 400, 'validation.failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body', constraint: 'maxDepth' })]);
  });

  it('refuses a field of the wrong type', async () => {
    const response = await api.post('/api/v1/test-echo', { ...valid, count: 'two' });
    expectProblem(response, 400, 'validation.failed');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'count', constraint: 'isInt' })]),
    );
  });

  it('refuses a missing field', async () => {
    const { name: _omitted, ...withoutName } = valid;
    const response = await api.post('/api/v1/test-echo', withoutName);
    expectProblem(response, 400, 'validation.failed');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
    expect(response.body.detail).toBe('请求参数有误');
  });

  it('refuses an oversized body with 413', async () => {
    const response = await api.post('/api/v1/test-echo', { ...valid, name: 'x'.repeat(4096) });
    expectProblem(response, 413, 'request.too-large');
  });

  it('refuses a body that is not JSON', async () => {
    const response = await api.request('POST', '/api/v1/test-echo', {
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 400, 'request.malformed');
  });

  it('answers an unknown route and an unknown method with a 404 problem', async () => {
    expectProblem(await api.get('/api/v1/no-such-thing'), 404, 'route.not-found');
    expectProblem(await api.request('DELETE', '/api/v1/test-echo'), 404, 'route.not-found');
    expect((await api.get('/api/v1/no-such-thing')).body.instance).toBe('/api/v1/no-such-thing');
  });
});
