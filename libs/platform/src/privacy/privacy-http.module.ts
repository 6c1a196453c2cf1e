import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';
import { AnonymisePersonUseCase } from './usecases/anonymise-person.usecase';
import { ExportPersonalDataUseCase } from './usecases/export-personal-data.usecase';

/** `GET /me/data` and `POST /privacy/people/:id/anonymise`; the api only (mounted by `AuthHttpModule`). */
@Module({
  controllers: [PrivacyController],
  providers: [ExportPersonalDataUseCase, AnonymisePersonUseCase],
})
export class PrivacyHttpModule {}
