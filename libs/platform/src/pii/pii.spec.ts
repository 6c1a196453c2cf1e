import { LinliConfig } from '../config/linli-config';
import { maskIdNumber, maskName, maskPhone, normalizePhone } from './masking';
import { PiiCrypto } from './pii-crypto';

describe('PiiCrypto', () => {
  const crypto = new PiiCrypto({ piiKey: Buffer.alloc(32, 1) } as LinliConfig);
  const other = new PiiCrypto({ piiKey: Buffer.alloc(32, 2) } as LinliConfig);

  it('round-trips and never stores the plain text', () => {
    const stored = crypto.encrypt('13812345678');
    expect(stored).not.toContain('13812345678');
    expect(crypto.decrypt(stored)).toBe('13812345678');
  });

  it('uses a fresh nonce per encryption', () => {
    expect(crypto.encrypt('张三')).not.toBe(crypto.encrypt('张三'));
  });

  it('refuses tampered cipher text and cipher text of another key', () => {
    const stored = crypto.encrypt('110105194912310021');
    const parts = stored.split('.');
    parts[3] = Buffer.from('x' + Buffer.from(parts[3], 'base64url').toString('latin1').slice(1), 'latin1').toString(
      'base64url',
    );
    expect(() => crypto.decrypt(parts.join('.'))).toThrow();
    expect(() => other.decrypt(stored)).toThrow();
  });

  it('gives a stable blind index per kind and key', () => {
    expect(crypto.blindIndex('phone', '13812345678')).toBe(crypto.blindIndex('phone', '13812345678'));
    expect(crypto.blindIndex('phone', '13812345678')).not.toBe(crypto.blindIndex('id', '13812345678'));
    expect(crypto.blindIndex('phone', '13812345678')).not.toBe(other.blindIndex('phone', '13812345678'));
  });
});

describe('masking', () => {
  it('masks phones as 138****5678, also with a country code', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(normalizePhone('0086-138-1234-5678')).toBe('13812345678');
  });

  it('masks ID numbers and names', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110***********002X');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });
});
