import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { DataSource, EntityManager } from 'typeorm';
import { ConventionRecord } from './convention-record';
import { ConventionDto } from './dto/convention.dto';

/** Conventions as answered: with their community's name. */
@Injectable()
export class ConventionViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: OrganizationDirectory,
  ) {}

  async many(
    conventions: ConventionRecord[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConventionDto[]> {
    const units = await this.directory.units.byIds([...new Set(conventions.map((c) => c.unitId))], manager);
    return conventions.map((c) => ConventionDto.from(c, units.get(c.unitId)?.name ?? ''));
  }

  async one(convention: ConventionRecord, manager?: EntityManager): Promise<ConventionDto> {
    return (await this.many([convention], manager))[0];
  }
}
