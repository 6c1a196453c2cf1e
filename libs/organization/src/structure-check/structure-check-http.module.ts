import { Module } from '@nestjs/common';

/** HTTP face of structure-check; mounted by the api. */
@Module({})
export class StructureCheckHttpModule {}
