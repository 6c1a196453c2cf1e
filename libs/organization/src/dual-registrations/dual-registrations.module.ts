import { Module } from '@nestjs/common';

/** Domain face of dual-registrations: services other parts of the organization module and other domains use. */
@Module({})
export class DualRegistrationsModule {}
