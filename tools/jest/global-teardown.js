const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function globalTeardown() {
  execFileSync(
    process.execPath,
    ['-r', join(__dirname, '..', 'register.js'), join(__dirname, '..', '..', 'libs/testing/src/global-teardown.ts')],
    {
      env: process.env,
      stdio: 'inherit',
    },
  );
};
