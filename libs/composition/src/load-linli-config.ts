import { LinliConfig, loadConfig } from '@linli/platform';
import { KNOWN_MODULES } from './domain-catalog';

/** The configuration with `LINLI_MODULES` checked against the modules this build ships. */
export function loadLinliConfig(env: NodeJS.ProcessEnv = process.env): LinliConfig {
  return loadConfig(env, { knownModules: KNOWN_MODULES });
}
