import { Module } from '@nestjs/common';
import { IdentityHolds } from './identity-holds';
import { PersonalDataErasers } from './personal-data-erasers';
import { PersonalDataExporters } from './personal-data-exporters';

/** The personal-data registries domains register with; in every app (through the global AuthModule). */
@Module({
  providers: [PersonalDataExporters, IdentityHolds, PersonalDataErasers],
  exports: [PersonalDataExporters, IdentityHolds, PersonalDataErasers],
})
export class PrivacyModule {}
