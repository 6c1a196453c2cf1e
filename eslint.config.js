const nx = require('@nx/eslint-plugin');

/**
 * Module boundaries (ARCHITECTURE.md): apps → composition → domain libs → platform. A domain lib may
 * use organization's public API (tag `public:organization`), never another domain.
 */
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:composition', 'type:platform'] },
  { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:domain', 'type:notifications', 'type:platform'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:composition', 'type:domain', 'type:notifications', 'type:platform'],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:platform', 'public:organization'] },
  { sourceTag: 'type:notifications', onlyDependOnLibsWithTags: ['type:platform'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
  // The published client stands alone: its only dependency is openapi-fetch.
  { sourceTag: 'type:client', onlyDependOnLibsWithTags: [] },
];

/**
 * Specs of every project use the harness, and the harness composes every project: the cycle exists
 * only through spec files, which never ship. Each domain lib adds its pair here.
 */
const specCycles = [
  'platform',
  'notifications',
  'composition',
  'organization',
  'points',
  'volunteers',
  'deliberation',
  'property-governance',
  'cases',
].map((project) => ['testing', project]);

module.exports = [
  { ignores: ['**/node_modules', '**/dist', '**/tmp', '**/.nx', '**/coverage'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints, ignoredCircularDependencies: specCycles },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': 'error',
    },
  },
  {
    // Specs may use the test harness (which composes the apps) from any project.
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['@linli/testing', '@linli/composition'],
          depConstraints,
          ignoredCircularDependencies: specCycles,
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
