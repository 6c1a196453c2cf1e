import { Module } from '@nestjs/common';
import { PropertySeatsModule } from './seats.module';

/** HTTP face of the seats area; mounted by the api. */
@Module({ imports: [PropertySeatsModule], controllers: [] })
export class PropertySeatsHttpModule {}
