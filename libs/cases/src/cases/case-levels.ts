import { Injectable } from '@nestjs/common';
import { DirectoryUnit, OrganizationDirectory } from '@linli/organization';
import { AccountsDirectory } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CASE_LEVELS, CaseLevel } from './case-flow';

/** The units that handle a case located at a unit: its grid, community, street and district, where they exist. */
export type LevelUnits = Map<CaseLevel, DirectoryUnit>;

/**
 * Levels of a case location, from the unit tree (a case at a complex has the complex's grid, if
 * any, its community, street and district), and the heads of a level: the grid workers of a grid,
 * the secretaries of a community, street or district (the nearest holders above when none there).
 */
@Injectable()
export class CaseLevels {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly accounts: AccountsDirectory,
  ) {}

  async of(unitPath: string, manager?: EntityManager): Promise<LevelUnits> {
    return (await this.ofMany([unitPath], manager)).get(unitPath) ?? new Map();
  }

  async ofMany(unitPaths: string[], manager?: EntityManager): Promise<Map<string, LevelUnits>> {
    const ancestors = await this.directory.units.ancestors(unitPaths, manager);
    const result = new Map<string, LevelUnits>();
    for (const path of unitPaths) {
      const levels: LevelUnits = new Map();
      for (const unit of ancestors.get(path) ?? [])
        if ((CASE_LEVELS as readonly string[]).includes(unit.kind)) levels.set(unit.kind as CaseLevel, unit);
      result.set(path, levels);
    }
    return result;
  }

  /** The lowest level present (a case starts there: 小事不出网格). */
  static lowest(levels: LevelUnits): CaseLevel | undefined {
    return CASE_LEVELS.find((level) => levels.has(level));
  }

  /** The next level above `level` that exists for the location. */
  static above(levels: LevelUnits, level: CaseLevel): CaseLevel | undefined {
    return CASE_LEVELS.slice(CASE_LEVELS.indexOf(level) + 1).find((candidate) => levels.has(candidate));
  }

  /** level unit path → the user ids of its heads. */
  async heads(
    levelUnits: { level: CaseLevel; path: string }[],
    manager?: EntityManager,
  ): Promise<Map<string, string[]>> {
    const grids = levelUnits.filter((unit) => unit.level === 'grid').map((unit) => unit.path);
    const others = levelUnits.filter((unit) => unit.level !== 'grid').map((unit) => unit.path);
    // One after the other: inside a transaction both run on its one connection.
    const workers = grids.length
      ? await this.accounts.nearestRoleHolders('grid_worker', grids, manager)
      : new Map<string, string[]>();
    const secretaries = others.length
      ? await this.accounts.nearestRoleHolders('secretary', others, manager)
      : new Map<string, string[]>();
    return new Map([...workers, ...secretaries]);
  }
}
