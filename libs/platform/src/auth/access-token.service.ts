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

/** Issues and verifies HS256 access tokens signed with `JWT_SECRET`. */
@Injectable()
export class AccessTokenService {
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
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
      if (typeof claims.sub !== 'string' || !UUID.test(claims.sub)) return undefined;
      if (typeof claims.username !== 'string' || typeof claims.ver !== 'number') return undefined;
      return { sub: claims.sub, username: claims.username, ver: claims.ver };
    } catch {
      return undefined;
    }
  }
}
