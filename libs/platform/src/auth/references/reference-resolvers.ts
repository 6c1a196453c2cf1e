import { Injectable } from '@nestjs/common';
import { ReferenceResolver } from './reference-resolver';

/** Thrown at boot when two modules register the same kind, or at a check naming a kind nobody registered. */
export class ReferenceKindError extends Error {}

/**
 * The registered resolvers, one per kind. Modules call `register` in `onModuleInit`; a check naming a
 * kind whose module is not enabled is a programming error (the route belongs to that module).
 */
@Injectable()
export class ReferenceResolvers {
  private readonly byKind = new Map<string, ReferenceResolver>();

  register(resolver: ReferenceResolver): void {
    const existing = this.byKind.get(resolver.kind);
    if (existing && existing !== resolver)
      throw new ReferenceKindError(`reference kind ${resolver.kind} registered twice`);
    this.byKind.set(resolver.kind, resolver);
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  get(kind: string): ReferenceResolver {
    const resolver = this.byKind.get(kind);
    if (!resolver) throw new ReferenceKindError(`no resolver registered for reference kind ${kind}`);
    return resolver;
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }
}
