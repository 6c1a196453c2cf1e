import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { POINTS_SUBSCRIBER } from '@linli/points';
import { out } from '../lib/bench-cli';
import { withClient } from '../lib/database';
import { ms, perSecond } from '../lib/points-report';
import { timeIt } from '../lib/timing';
import { EVENT_TYPE, FIRST_EVENT_AT, PointsOptions } from './run-context';

/*
 * The pipeline's baselines: (a) the entries alone and (b) every row a credit writes, inserted with
 * no pipeline at all into `LIKE … INCLUDING ALL` copies of the tables.
 */

/** A multi-row VALUES list with numbered parameters: `($1, $2), ($3, $4)`, each row cast as given. */
function values(rows: unknown[][], casts: string[]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const text = rows
    .map((row) => `(${row.map((value, i) => `$${params.push(value)}${casts[i] ? `::${casts[i]}` : ''}`).join(', ')})`)
    .join(', ');
  return { text, params };
}

export interface Timed {
  ms: number;
  value: number;
}

export const fastest = (a: Timed, b: Timed): Timed => (a.value / a.ms >= b.value / b.ms ? a : b);

/** Both raw baselines, each into tables of its own (named after `round`), so that every measurement starts from empty tables. */
export async function measureRaw(
  options: PointsOptions,
  ruleId: string,
  occurredAtOf: (index: number) => string,
  round: string,
): Promise<{ entries: Timed; rowSets: Timed }> {
  const entries = await withClient(options.databaseUrl, (client) =>
    insertEntries(client, options, ruleId, `bench_raw_entries_${round}`),
  );
  out(`raw entries (${round}): ${entries.value} rows in ${ms(entries.ms)} (${perSecond(entries.value, entries.ms)})`);
  const rowSets = await withClient(options.databaseUrl, (client) =>
    insertRowSets(client, options, ruleId, occurredAtOf, `bench_set_${round}`),
  );
  out(
    `raw row sets (${round}): ${rowSets.value} events' rows in ${ms(rowSets.ms)} (${perSecond(rowSets.value, rowSets.ms)})`,
  );
  return { entries, rowSets };
}

/** (a): the entries alone, as the first runs of this benchmark measured them. */
async function insertEntries(client: Client, options: PointsOptions, ruleId: string, table: string): Promise<Timed> {
  await client.query(`CREATE TABLE ${table} (LIKE point_entries INCLUDING ALL)`);
  const accountId = randomUUID();
  return timeIt(async () => {
    for (let start = 0; start < options.events; start += options.batch) {
      const size = Math.min(options.batch, options.events - start);
      const rows: string[] = [];
      const params: unknown[] = [];
      for (let i = 0; i < size; i++) {
        const p = params.length;
        rows.push(
          `($${p + 1}, 'credit', 20, 20, '志愿服务「敬老院陪护」获得积分', $${p + 2}, 1, $${p + 3}, $${p + 4}, $${p + 5})`,
        );
        params.push(accountId, ruleId, randomUUID(), `rule:${ruleId}:${randomUUID()}`, FIRST_EVENT_AT);
      }
      await client.query(
        `INSERT INTO ${table} (account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, idempotency_key, occurred_at) VALUES ${rows.join(', ')}`,
        params,
      );
    }
    return options.events;
  });
}

/** (b): the rows the pipeline writes per event (entry, lot, outcome, processed marker, balance update), batched as the pipeline batches them. */
async function insertRowSets(
  client: Client,
  options: PointsOptions,
  ruleId: string,
  occurredAtOf: (index: number) => string,
  prefix: string,
): Promise<Timed> {
  for (const [copy, table] of [
    ['entries', 'point_entries'],
    ['lots', 'point_lots'],
    ['outcomes', 'point_rule_outcomes'],
    ['processed', 'processed_events'],
    ['accounts', 'point_accounts'],
  ]) {
    await client.query(`CREATE TABLE ${prefix}_${copy} (LIKE ${table} INCLUDING ALL)`);
  }
  const accountIds = (
    await client.query<{ id: string }>(
      `INSERT INTO ${prefix}_accounts (owner_type, owner_id, kind) SELECT 'person', gen_random_uuid(), 'redeemable' FROM generate_series(1, $1) RETURNING id`,
      [options.events],
    )
  ).rows.map((row) => row.id);
  await client.query(`VACUUM ANALYZE ${prefix}_accounts`);
  const reason = '志愿服务「敬老院陪护」获得积分';
  return timeIt(async () => {
    for (let start = 0; start < options.events; start += options.batch) {
      const rows = accountIds.slice(start, start + options.batch).map((accountId, i) => {
        const eventId = randomUUID();
        const occurredAt = occurredAtOf(start + i);
        const expiresAt = new Date(Date.parse(occurredAt) + 2 * 365 * 24 * 3600 * 1000).toISOString();
        return {
          accountId,
          eventId,
          entryId: randomUUID(),
          lotId: randomUUID(),
          key: `rule:${ruleId}:${eventId}`,
          occurredAt,
          expiresAt,
        };
      });
      const entries = values(
        rows.map((r) => [r.entryId, r.accountId, 'credit', 20, 20, reason, ruleId, 1, r.eventId, r.key, r.occurredAt]),
        ['uuid', 'uuid', '', 'bigint', 'bigint', '', 'uuid', 'int', 'uuid', '', 'timestamptz'],
      );
      const lots = values(
        rows.map((r) => [
          r.lotId,
          r.accountId,
          r.entryId,
          20,
          20,
          'available',
          r.occurredAt,
          r.occurredAt,
          r.expiresAt,
          reason,
          ruleId,
          1,
          r.eventId,
          r.key,
        ]),
        [
          'uuid',
          'uuid',
          'uuid',
          'bigint',
          'bigint',
          '',
          'timestamptz',
          'timestamptz',
          'timestamptz',
          '',
          'uuid',
          'int',
          'uuid',
          '',
        ],
      );
      const outcomes = values(
        rows.map((r) => [
          r.accountId,
          r.key,
          r.eventId,
          EVENT_TYPE,
          ruleId,
          1,
          'credited',
          20,
          20,
          r.entryId,
          r.lotId,
          r.occurredAt,
        ]),
        ['uuid', '', 'uuid', '', 'uuid', 'int', '', 'bigint', 'bigint', 'uuid', 'uuid', 'timestamptz'],
      );
      const processed = values(
        rows.map((r) => [POINTS_SUBSCRIBER, r.eventId, r.occurredAt]),
        ['', 'uuid', 'timestamptz'],
      );
      const balances = values(
        rows.map((r) => [r.accountId, 20]),
        ['uuid', 'bigint'],
      );
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${prefix}_entries (id, account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, idempotency_key, occurred_at) VALUES ${entries.text}`,
        entries.params,
      );
      await client.query(
        `INSERT INTO ${prefix}_lots (id, account_id, entry_id, amount, remaining, status, earned_at, available_from, expires_at, reason, rule_id, rule_version, source_event_id, idempotency_key) VALUES ${lots.text}`,
        lots.params,
      );
      await client.query(
        `INSERT INTO ${prefix}_outcomes (account_id, credit_key, event_id, event_type, rule_id, rule_version, outcome, requested, points, entry_id, lot_id, occurred_at) VALUES ${outcomes.text}`,
        outcomes.params,
      );
      await client.query(
        `INSERT INTO ${prefix}_processed (subscriber, event_id, processed_at) VALUES ${processed.text}`,
        processed.params,
      );
      await client.query(
        `UPDATE ${prefix}_accounts a SET balance = a.balance + v.amount, updated_at = now() FROM (VALUES ${balances.text}) AS v(id, amount) WHERE a.id = v.id`,
        balances.params,
      );
      await client.query('COMMIT');
    }
    return options.events;
  });
}
