import { MAX_LINES, splitSchema } from './split-schema';

const HEADER = '/** generated */\n\n';

const source = (paths: string, schemas: string, operations: string) =>
  `${HEADER}export interface paths {\n${paths}}\nexport type webhooks = Record<string, never>;\nexport interface components {\n  schemas: {\n${schemas}  };\n  responses: never;\n}\nexport interface operations {\n${operations}}\n`;

describe("splitting openapi-typescript's file by api area", () => {
  it('puts each path, its operation and the schemas it uses in files of their area, joined again in schema.ts', () => {
    const files = splitSchema(
      source(
        "  '/api/v1/units/{id}': {\n    get: operations['UnitsController_get'];\n  };\n  '/health': {\n    get: operations['HealthController_health'];\n  };\n",
        "    UnitDto: {\n      /** @example 幸福里 */\n      name: string;\n      parent: components['schemas']['ParentDto'];\n    };\n    ParentDto: {\n      id: string;\n    };\n",
        "  UnitsController_get: {\n    responses: { 200: components['schemas']['UnitDto'] };\n  };\n  HealthController_health: {\n    responses: never;\n  };\n",
      ),
      HEADER,
    );
    expect(Object.keys(files).sort()).toEqual([
      'operations/health.ts',
      'operations/units.ts',
      'paths/health.ts',
      'paths/units.ts',
      'schema.ts',
      'schemas/units.ts',
    ]);
    expect(files['schemas/units.ts']).toContain('export interface UnitsSchemas {\n  UnitDto: {');
    expect(files['schemas/units.ts']).toContain('  ParentDto: {\n    id: string;\n  };');
    expect(files['paths/units.ts']).toContain("import type { operations } from '../schema';");
    expect(files['schema.ts']).toContain('export type paths = HealthPaths & UnitsPaths;');
    expect(files['schema.ts']).toContain('  schemas: UnitsSchemas;\n  responses: never;');
    expect(files['schema.ts']).toContain('export type webhooks = Record<string, never>;');
  });

  it('continues an area too long for one file in a second one', () => {
    const member = (i: number) =>
      `  '/api/v1/units/${i}': {\n${Array.from({ length: 98 }, (_, j) => `    f${j}: never;\n`).join('')}  };\n`;
    const files = splitSchema(source([0, 1, 2, 3].map(member).join(''), '', ''), HEADER);
    expect(Object.keys(files).filter((f) => f.startsWith('paths/'))).toEqual(['paths/units.ts', 'paths/units-2.ts']);
    for (const text of Object.values(files)) expect(text.split('\n').length).toBeLessThanOrEqual(MAX_LINES + 20);
  });
});
