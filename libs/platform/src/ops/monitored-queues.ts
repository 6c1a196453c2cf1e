/** Names of every queue of this deployment (kernel queues and each subscriber's event queue). */
export class MonitoredQueues {
  constructor(readonly names: string[]) {}
}
