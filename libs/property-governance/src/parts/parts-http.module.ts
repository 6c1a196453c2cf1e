import { Module } from '@nestjs/common';
import { ComplexPartsController } from './parts.controller';
import { PropertyPartsModule } from './parts.module';
import { PropertyPartsController } from './property-parts.controller';

/** HTTP face of the parts area; mounted by the api. */
@Module({ imports: [PropertyPartsModule], controllers: [ComplexPartsController, PropertyPartsController] })
export class PropertyPartsHttpModule {}
