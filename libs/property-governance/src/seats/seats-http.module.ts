import { Module } from '@nestjs/common';
import { SeatsController } from './seats.controller';
import { PropertySeatsModule } from './seats.module';

/** HTTP face of the seats area; mounted by the api. */
@Module({ imports: [PropertySeatsModule], controllers: [SeatsController] })
export class PropertySeatsHttpModule {}
