import { Module } from '@nestjs/common';

/** HTTP face of institutions; mounted by the api. */
@Module({})
export class InstitutionsHttpModule {}
