/** Who took part in an event, and as what (`volunteer`, `claimant`, `requester`…). */
export interface EventActor {
  personId?: string;
  organizationId?: string;
  role: string;
}

/**
 * The kernel's event envelope. `type` is a constant owned by the publishing domain, dotted and past
 * tense (`volunteers.service.verified`); `data` is typed per event.
 */
export interface DomainEvent<TData extends object = Record<string, unknown>> {
  id: string;
  type: string;
  /** ISO 8601 instant. */
  occurredAt: string;
  unitId: string | null;
  actors: EventActor[];
  /** A measured amount, e.g. service hours; null when the event is a plain occurrence. */
  quantity: number | null;
  data: TData;
}

/** What a publisher supplies; the outbox fills in `id` and `occurredAt` when absent. */
export type NewDomainEvent<TData extends object = Record<string, unknown>> = Omit<
  DomainEvent<TData>,
  'id' | 'occurredAt' | 'quantity' | 'actors' | 'unitId'
> &
  Partial<Pick<DomainEvent<TData>, 'id' | 'occurredAt' | 'quantity' | 'actors' | 'unitId'>>;
