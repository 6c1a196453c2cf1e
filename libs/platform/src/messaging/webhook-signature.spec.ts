import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'spec-webhook-secret-0123';
  const body = JSON.stringify({ deliveryId: 'd-1', title: '积分到账' });
  const timestamp = '1795320200';

  it('is sha256=<hex HMAC-SHA256 over "timestamp.rawBody">', () => {
    const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${hex}`);
  });

  it('verifies a fresh, untouched request', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, timestamp, body, signature, { nowSeconds: 1795320230 })).toBe(true);
  });

  it('refuses a changed body, another secret, a swapped timestamp or a malformed header', () => {
    const signature = signWebhook(secret, timestamp, body);
    const now = { nowSeconds: 1795320200 };
    expect(verifyWebhookSignature(secret, timestamp, body.replace('积分', '金额'), signature, now)).toBe(false);
    expect(verifyWebhookSignature('another-secret-456789', timestamp, body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(secret, '1795320201', body, signature, now)).toBe(false);
    expect(verifyWebhookSignature(secret, timestamp, body, 'sha256=00', now)).toBe(false);
    expect(verifyWebhookSignature(secret, 'abc', body, signature, now)).toBe(false);
  });

  it('refuses a correctly signed request older than the tolerance (replay)', () => {
    const signature = signWebhook(secret, timestamp, body);
    expect(verifyWebhookSignature(secret, timestamp, body, signature, { nowSeconds: 1795320200 + 301 })).toBe(false);
    expect(
      verifyWebhookSignature(secret, timestamp, body, signature, {
        nowSeconds: 1795320200 + 3600,
        toleranceSeconds: 7200,
      }),
    ).toBe(true);
  });
});
