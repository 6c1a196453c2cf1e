import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Clock, LinliConfig, verifyWebhookSignature, WebhookHeader } from '@linli/platform';
import { FastifyRequest } from 'fastify';
import { HotlineCode, HotlineException } from './hotline.exception';

/**
 * The 12345 hotline signs each request as Linli signs its webhooks: `x-linli-signature:
 * sha256=<hex HMAC-SHA256 over "timestamp.rawBody">` with `CASES_HOTLINE_SECRET`, and
 * `x-linli-timestamp` (unix seconds, within 5 minutes). Checked before the body is read.
 */
@Injectable()
export class HotlineSignatureGuard implements CanActivate {
  constructor(
    private readonly config: LinliConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const secret = this.config.hotline.secret;
    if (!secret) throw new HotlineException(HotlineCode.Disabled);
    const request = context.switchToHttp().getRequest<FastifyRequest & { rawBody?: Buffer }>();
    const signature = request.headers[WebhookHeader.Signature];
    const timestamp = request.headers[WebhookHeader.Timestamp];
    if (typeof signature !== 'string' || typeof timestamp !== 'string' || !request.rawBody)
      throw new HotlineException(HotlineCode.Signature);
    const valid = verifyWebhookSignature(secret, timestamp, request.rawBody.toString('utf8'), signature, {
      nowSeconds: Math.floor(this.clock.now().getTime() / 1000),
    });
    if (!valid) throw new HotlineException(HotlineCode.Signature);
    return true;
  }
}
