import { Injectable, Logger } from '@nestjs/common';
import { EmptyUnitDirectory, UnitDirectory } from './unit-directory';

/**
 * The unit directory the kernel asks, replaceable without editing the kernel: the module that owns
 * the unit tree calls `registry.use(directory)` in its `onModuleInit`. Also injectable as `UnitDirectory`.
 */
@Injectable()
export class UnitDirectoryRegistry extends UnitDirectory {
  private readonly logger = new Logger(UnitDirectoryRegistry.name);
  private directory: UnitDirectory = new EmptyUnitDirectory();
  private supplied = false;

  use(directory: UnitDirectory): void {
    if (this.supplied) this.logger.warn(`unit directory replaced by ${directory.constructor.name}`);
    this.directory = directory;
    this.supplied = true;
  }

  /** The directory in use (the empty one until a module supplies the real one). */
  current(): UnitDirectory {
    return this.directory;
  }

  async resolvePaths(unitIds: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(unitIds)];
    if (unique.length === 0) return new Map();
    return this.directory.resolvePaths(unique);
  }

  async resolvePath(unitId: string): Promise<string | undefined> {
    return (await this.resolvePaths([unitId])).get(unitId);
  }
}
