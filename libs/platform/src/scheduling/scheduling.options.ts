/**
 * Whether this process registers the schedules with BullMQ (`background: true`, the scheduler) or
 * only runs them on request (`false`, the `npm run job` CLI).
 */
export class SchedulingOptions {
  constructor(readonly background = true) {}
}
