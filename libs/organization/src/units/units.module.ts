import { Module } from '@nestjs/common';
import { UnitsFinder } from './finding/units-finder';
import { UnitTreeDirectory } from './unit-tree.directory';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';
import { DeleteUnitUseCase } from './usecases/delete-unit.usecase';
import { MoveUnitUseCase } from './usecases/move-unit.usecase';

/** Domain face of units: the tree, its directory for the kernel's scope checks, and the tree's commands. */
@Module({
  providers: [UnitTreeDirectory, UnitsService, UnitsFinder, UnitsRepository, MoveUnitUseCase, DeleteUnitUseCase],
  exports: [UnitTreeDirectory, UnitsService, UnitsFinder, MoveUnitUseCase, DeleteUnitUseCase],
})
export class UnitsModule {}
