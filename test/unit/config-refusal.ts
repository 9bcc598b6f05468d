// What loadConfig throws for an environment it must refuse (shared by the config tests).
import { loadConfig } from '../../src/config.js';

export function refusalOf(env: Record<string, string>): unknown {
  try {
    loadConfig(env);
  } catch (error) {
    return error;
  }
  return undefined;
}
