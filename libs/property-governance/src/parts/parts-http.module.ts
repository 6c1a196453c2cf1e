import { Module } from '@nestjs/common';
import { PropertyPartsModule } from './parts.module';

/** HTTP face of the parts area; mounted by the api. */
@Module({ imports: [PropertyPartsModule], controllers: [] })
export class PropertyPartsHttpModule {}
