import { Module } from '@nestjs/common';
import { ImportFileReader } from './file/import-file.reader';
import { ImportBatchesService } from './import-batches.service';
import { MembersImportValidator } from './members/members-import.validator';
import { MembersImportWriter } from './members/members-import.writer';
import { PeopleImportValidator } from './people/people-import.validator';
import { PeopleImportWriter } from './people/people-import.writer';
import { UnitsImportValidator } from './units/units-import.validator';
import { UnitsImportWriter } from './units/units-import.writer';
import { RunImportUseCase } from './usecases/run-import.usecase';

/** Domain face of imports: running an import (e.g. from a tool) and reading recorded batches. */
@Module({
  providers: [
    ImportFileReader,
    UnitsImportValidator,
    UnitsImportWriter,
    PeopleImportValidator,
    PeopleImportWriter,
    MembersImportValidator,
    MembersImportWriter,
    RunImportUseCase,
    ImportBatchesService,
  ],
  exports: [RunImportUseCase, ImportBatchesService],
})
export class ImportsModule {}
