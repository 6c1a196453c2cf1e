import { Module } from '@nestjs/common';
import { OrganizationDirectoryModule } from '@linli/organization';
import { DeliberationAccessModule } from '../access/deliberation-access.module';
import { SettingsModule } from '../settings/settings.module';
import { ConventionAccess } from './convention-access';
import { ConventionCommentsRepository } from './convention-comments.repository';
import { ConventionViews } from './convention-views';
import { ConventionsQuery } from './conventions-query';
import { ConventionsRepository } from './conventions.repository';
import { CommentOnConventionUseCase } from './usecases/comment-on-convention.usecase';
import { CreateConventionUseCase } from './usecases/create-convention.usecase';
import { DecideConventionUseCase } from './usecases/decide-convention.usecase';
import { FileConventionUseCase } from './usecases/file-convention.usecase';
import { OpenConventionCommentsUseCase } from './usecases/open-convention-comments.usecase';

const PROVIDERS = [
  ConventionsRepository,
  ConventionCommentsRepository,
  ConventionAccess,
  ConventionViews,
  ConventionsQuery,
  CreateConventionUseCase,
  OpenConventionCommentsUseCase,
  CommentOnConventionUseCase,
  DecideConventionUseCase,
  FileConventionUseCase,
];

/** Domain face of the conventions area: residents' conventions (居民公约), versions, comments, adoption, filing. */
@Module({
  imports: [OrganizationDirectoryModule, DeliberationAccessModule, SettingsModule],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class ConventionsModule {}
