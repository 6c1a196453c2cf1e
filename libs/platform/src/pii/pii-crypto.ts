import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { LinliConfig } from '../config/linli-config';

const VERSION = 'v1';

/**
 * Field encryption for personal data (PIPL): AES-256-GCM cipher text `v1.<iv>.<tag>.<data>`
 * (base64url), and a keyed-hash blind index for exact lookup without decrypting.
 * The two keys are derived from the one configured key with HKDF so they never coincide.
 */
@Injectable()
export class PiiCrypto {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(config: LinliConfig) {
    if (config.piiKey.length !== 32) throw new Error('PII key must be 32 bytes');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', config.piiKey, Buffer.alloc(0), 'linli-pii-encryption', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', config.piiKey, Buffer.alloc(0), 'linli-pii-blind-index', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      VERSION,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split('.');
    if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('not a Linli cipher text');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic keyed hash of a normalized value; `kind` separates phone and ID-number indexes. */
  blindIndex(kind: string, normalized: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}\u0000${normalized}`).digest('base64url');
  }
}
