/** Thrown at boot when a domain registers twice in the same registry. */
export class PrivacyRegistryError extends Error {}

/** One entry per domain, registered in `onModuleInit` by the module that owns the domain's tables. */
export abstract class DomainRegistry<T extends { readonly domain: string }> {
  private readonly byDomain = new Map<string, T>();

  register(entry: T): void {
    const existing = this.byDomain.get(entry.domain);
    if (existing && existing !== entry)
      throw new PrivacyRegistryError(`${this.constructor.name}: domain ${entry.domain} registered twice`);
    this.byDomain.set(entry.domain, entry);
  }

  /** In domain-name order, so that answers do not depend on module start-up order. */
  all(): T[] {
    return [...this.byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain));
  }

  domains(): string[] {
    return this.all().map((entry) => entry.domain);
  }
}
