import { Module } from '@nestjs/common';
import { StructureCheckController } from './structure-check.controller';
import { StructureCheckModule } from './structure-check.module';

/** HTTP face of structure-check; mounted by the api. */
@Module({ imports: [StructureCheckModule], controllers: [StructureCheckController] })
export class StructureCheckHttpModule {}
