import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_STRUCTURE_RULES, isStructureRuleKey, StructureRules } from './structure-rules';

/** The structure-check thresholds in force: the defaults, overridden by the rows of `organization_structure_rules`. */
@Injectable()
export class StructureRulesSource {
  private readonly logger = new Logger(StructureRulesSource.name);

  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<StructureRules> {
    const rows: { key: string; value: number }[] = await manager.query(
      `SELECT key, value FROM organization_structure_rules`,
    );
    const rules: StructureRules = { ...DEFAULT_STRUCTURE_RULES };
    for (const { key, value } of rows) {
      if (isStructureRuleKey(key)) rules[key] = value;
      else this.logger.warn({ key }, 'organization_structure_rules holds an unknown key; ignored');
    }
    return rules;
  }
}
