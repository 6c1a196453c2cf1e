import { Module } from '@nestjs/common';
import { DemandsModule } from './demands.module';

/** HTTP face of the demands area; mounted by the api. */
@Module({ imports: [DemandsModule] })
export class DemandsHttpModule {}
