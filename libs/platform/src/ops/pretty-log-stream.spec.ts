import pino from 'pino';
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { prettyLogStream } from './pretty-log-stream';

/** Logs through the pretty stream into memory and answers the lines, without colours. */
function prettyLines(write: (logger: pino.Logger) => void): string[] {
  let output = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      output += chunk.toString('utf8');
      done();
    },
  });
  write(pino({ base: { app: 'api' } }, prettyLogStream(sink)));
  return stripVTControlCharacters(output).split('\n').filter(Boolean);
}

describe('prettyLogStream', () => {
  it('prints a request as one short line with time and level, without its objects', () => {
    const lines = prettyLines((logger) =>
      logger.info(
        { req: { id: 'r-1', method: 'GET', url: '/api/v1/units/42' }, res: { statusCode: 200 }, responseTime: 3 },
        'request completed',
      ),
    );
    expect(lines).toEqual([
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/api\/v1\/units\/42 200 3 ms$/),
    ]);
  });

  it('prints other entries as their message after the Nest context, extra fields on the same line', () => {
    const lines = prettyLines((logger) => {
      logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
      logger.warn({ job: 'assess-quarter' }, 'job retried');
    });
    expect(lines).toEqual([
      expect.stringMatching(/ INFO: \[NestApplication\] Nest application successfully started$/),
      expect.stringMatching(/ WARN: job retried \{"job":"assess-quarter"\}$/),
    ]);
  });
});
