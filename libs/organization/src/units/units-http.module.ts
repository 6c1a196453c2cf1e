import { Module } from '@nestjs/common';

/** HTTP face of units; mounted by the api. */
@Module({})
export class UnitsHttpModule {}
