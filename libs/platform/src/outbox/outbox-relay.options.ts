/**
 * Whether this process runs the relay loop and the subscriber workers (`background: true`, the
 * scheduler) or only provides the services (`false`, e.g. the `npm run job` CLI).
 */
export class OutboxRelayOptions {
  constructor(readonly background = true) {}
}
