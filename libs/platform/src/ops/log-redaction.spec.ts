import { redactError, redactUrl } from './log-redaction';

describe('redactUrl', () => {
  it('keeps the path and harmless parameters, redacts every other value', () => {
    expect(redactUrl('/api/v1/people')).toBe('/api/v1/people');
    expect(redactUrl('/api/v1/people?phone=13812345678&limit=20&status=active')).toBe(
      '/api/v1/people?phone=[redacted]&limit=20&status=active',
    );
    expect(redactUrl('/x?idNumber=110101199003071234&token=a.b.c&cursor=WyJ6aGFuZyJd&name=%E5%BC%A0')).toBe(
      '/x?idNumber=[redacted]&token=[redacted]&cursor=[redacted]&name=[redacted]',
    );
    expect(redactUrl('/x?flag&limit')).toBe('/x?flag=[redacted]&limit=[redacted]');
    expect(redactUrl('/x?%E0%A4%A=1')).toBe('/x?%E0%A4%A=[redacted]');
  });
});

describe('redactError', () => {
  it('drops the bound parameters and quoted values of a database error, keeps the SQL and code', () => {
    const safe = redactError({
      type: 'QueryFailedError',
      message: 'invalid input syntax for type uuid: "13812345678"',
      stack: 'QueryFailedError: invalid input syntax for type uuid: "13812345678"\n    at x',
      query: 'SELECT * FROM people WHERE id = $1',
      parameters: ['13812345678'],
      driverError: { detail: 'Key (phone)=(13812345678)' },
      detail: 'Key (phone)=(13812345678)',
      code: '22P02',
      table: 'people',
    });
    expect(JSON.stringify(safe)).not.toContain('13812345678');
    expect(safe).toMatchObject({ query: 'SELECT * FROM people WHERE id = $1', code: '22P02', table: 'people' });
  });

  it('leaves other errors alone', () => {
    const error = { type: 'Error', message: 'boom "quoted"', stack: 'Error: boom' };
    expect(redactError(error)).toBe(error);
  });
});
