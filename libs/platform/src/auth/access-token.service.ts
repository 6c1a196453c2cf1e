import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LinliConfig } from '../config/linli-config';

/** Claims of a Linli access token. */
export interface AccessTokenClaims {
  /** The user id. */
  sub: string;
  username: string;
  /** The user's token version when issued; a password change bumps it and retires older tokens. */
  ver: number;
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tokens whose signature was checked, kept per process; beyond it the oldest are dropped first. */
export const VERIFIED_TOKENS_KEPT = 10_000;

interface VerifiedToken {
  claims: AccessTokenClaims;
  /** `exp` in milliseconds. */
  expiresAt: number;
}

/**
 * Issues and verifies HS256 access tokens signed with `JWT_SECRET`. A token's signature is checked
 * once per process: a token is immutable, so the same string verifies the same way until it
 * expires (checked on every use). Only valid tokens are kept, so junk cannot fill the memory.
 * Revocation is not the token's business: the account's token version, checked on every request
 * by `Authenticator`, retires old tokens.
 */
@Injectable()
export class AccessTokenService {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: LinliConfig,
  ) {}

  async issue(claims: AccessTokenClaims): Promise<IssuedToken> {
    const accessToken = await this.jwt.signAsync({ ...claims });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds };
  }

  /** The claims of a valid token, or undefined for anything else (malformed, tampered, expired, foreign). */
  async verify(token: string): Promise<AccessTokenClaims | undefined> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAt) return known.claims;
      this.verified.delete(token);
      return undefined;
    }
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims> & { exp?: number }>(token);
      if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return undefined;
      if (typeof claims.username !== 'string' || typeof claims.ver !== 'number') return undefined;
      const valid = { sub: claims.sub, username: claims.username, ver: claims.ver };
      if (typeof claims.exp === 'number') this.keep(token, { claims: valid, expiresAt: claims.exp * 1000 });
      return valid;
    } catch {
      return undefined;
    }
  }

  private keep(token: string, verified: VerifiedToken): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, verified);
  }
}
