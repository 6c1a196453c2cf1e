import { Module } from '@nestjs/common';

/** Domain face of the demands area. */
@Module({})
export class DemandsModule {}
