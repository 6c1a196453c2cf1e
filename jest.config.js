/** One Jest run for the whole repo: unit specs (`*.spec.ts`) and integration specs (`*.integration-spec.ts`). */
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

// ESM-only dependencies that Jest's CommonJS runtime must have compiled (Node itself loads them natively).
const esmOnly = ['content-disposition'];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts'],
  transform: { '^.+\\.ts$': swc, '^.+\\.js$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^@linli/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  globalSetup: '<rootDir>/tools/jest/global-setup.js',
  globalTeardown: '<rootDir>/tools/jest/global-teardown.js',
  setupFiles: ['reflect-metadata'],
  // A guard against hangs, not a speed limit (speed is measured in tools/bench): on a 2-CPU runner with two
  // workers, a spec's set-up (an app boot and dozens of logins) has taken longer than 30 s under load.
  testTimeout: 90000,
  maxWorkers: 2,
  forceExit: false,
};
