import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessTokenService, IssuedToken } from './access-token.service';
import { AuthCode, AuthException } from './auth.problems';
import { UserEntity } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';

/** Username + password → access token. One answer for every failure, in about the same time. */
@Injectable()
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {}

  async login(username: string, password: string): Promise<IssuedToken> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username: username.toLowerCase() });
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    if (!user || !valid || !user.isActive) throw new AuthException(AuthCode.InvalidCredentials);
    return this.tokens.issue({ sub: user.id, username: user.username, ver: user.tokenVersion });
  }
}
