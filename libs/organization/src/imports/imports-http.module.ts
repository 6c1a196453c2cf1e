import { Module } from '@nestjs/common';

/** HTTP face of imports; mounted by the api. */
@Module({})
export class ImportsHttpModule {}
