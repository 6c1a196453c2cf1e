// Global setup runs outside Jest's module mapper, so the TypeScript harness runs in a child process
// (through SWC, which resolves the @linli/* aliases). The run id it sets reaches every Jest worker.
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  process.env.LINLI_TEST_RUN = run;
  execFileSync(
    process.execPath,
    ['-r', join(__dirname, '..', 'register.js'), join(__dirname, '..', '..', 'libs/testing/src/global-setup.ts')],
    {
      env: { ...process.env, LINLI_TEST_RUN: run },
      stdio: 'inherit',
    },
  );
};
