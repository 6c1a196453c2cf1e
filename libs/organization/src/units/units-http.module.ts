import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller';
import { UnitsModule } from './units.module';

/** HTTP face of units; mounted by the api. */
@Module({ imports: [UnitsModule], controllers: [UnitsController] })
export class UnitsHttpModule {}
