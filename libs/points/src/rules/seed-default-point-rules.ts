import { DataSource } from 'typeorm';
import { DEFAULT_POINT_RULES } from './default-point-rules';
import { insertRule } from './point-rule-writer';

/**
 * Seeds the demo city's default rules (`DEFAULT_POINT_RULES`) in one transaction. Idempotent by rule
 * code: a rule that exists (seeded before, or set by the city) is left as it is.
 */
export async function seedDefaultPointRules(
  dataSource: DataSource,
): Promise<{ created: string[]; existing: string[] }> {
  return dataSource.transaction(async (manager) => {
    const created: string[] = [];
    const existing: string[] = [];
    for (const rule of DEFAULT_POINT_RULES) {
      if (await insertRule(manager, rule.code, rule.spec, null)) created.push(rule.code);
      else existing.push(rule.code);
    }
    return { created, existing };
  });
}
