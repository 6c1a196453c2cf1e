import { Global, Module } from '@nestjs/common';
import { PiiCrypto } from './pii-crypto';

@Global()
@Module({ providers: [PiiCrypto], exports: [PiiCrypto] })
export class PiiModule {}
