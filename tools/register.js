// Runs TypeScript sources directly (dev, CLI, tests of boot): SWC keeps decorator metadata, which
// Nest's dependency injection needs, and resolves the @linli/* path aliases of tsconfig.json.
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || require('path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
