import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { UnitDirectory, UnitDirectoryRegistry } from '@linli/platform';

/** A unit tree held in memory: unitId → materialized path. Mutable, so a test can add units after boot. */
export class InMemoryUnitDirectory extends UnitDirectory {
  private readonly paths = new Map<string, string>();

  constructor(units: Record<string, string> = {}) {
    super();
    for (const [unitId, path] of Object.entries(units)) this.paths.set(unitId, path);
  }

  set(unitId: string, path: string): this {
    this.paths.set(unitId, path);
    return this;
  }

  async resolvePaths(unitIds: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const id of unitIds) {
      const path = this.paths.get(id);
      if (path !== undefined) found.set(id, path);
    }
    return found;
  }
}

const IN_MEMORY_DIRECTORY = Symbol('InMemoryUnitDirectory');

class UnitDirectoryInstaller implements OnModuleInit {
  constructor(
    private readonly registry: UnitDirectoryRegistry,
    private readonly directory: InMemoryUnitDirectory,
  ) {}

  onModuleInit(): void {
    this.registry.use(this.directory);
  }
}

@Module({})
class InMemoryUnitDirectoryModule {}

/**
 * A test module that supplies an in-memory unit directory: `bootApi({ modules: [unitDirectoryModule({ [unitA]: 'city.a' })] })`.
 * Pass an `InMemoryUnitDirectory` instead of a map to keep adding units during the test.
 */
export function unitDirectoryModule(units: Record<string, string> | InMemoryUnitDirectory): DynamicModule {
  const directory = units instanceof InMemoryUnitDirectory ? units : new InMemoryUnitDirectory(units);
  return {
    module: InMemoryUnitDirectoryModule,
    providers: [
      { provide: IN_MEMORY_DIRECTORY, useValue: directory },
      {
        provide: UnitDirectoryInstaller,
        inject: [UnitDirectoryRegistry, IN_MEMORY_DIRECTORY],
        useFactory: (registry: UnitDirectoryRegistry, dir: InMemoryUnitDirectory) =>
          new UnitDirectoryInstaller(registry, dir),
      },
    ],
  };
}

export interface UnitTree {
  /** The directory, for `unitDirectoryModule(tree.directory)`. */
  directory: InMemoryUnitDirectory;
  /** unit name → { id, path }. */
  units: Record<string, { id: string; path: string }>;
}

/**
 * A unit tree from paths, with fresh ids: `inMemoryUnitTree(['city', 'city.a', 'city.b'])` → units
 * named by their last path segment (`units.a.id`, `units.a.path`).
 */
export function inMemoryUnitTree(paths: string[]): UnitTree {
  const directory = new InMemoryUnitDirectory();
  const units: UnitTree['units'] = {};
  for (const path of paths) {
    const id = randomUUID();
    directory.set(id, path);
    units[path.split('.').pop() as string] = { id, path };
  }
  return { directory, units };
}
