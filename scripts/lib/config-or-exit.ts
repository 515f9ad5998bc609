import { type AppConfig, ConfigError, getConfig } from "@/lib/config";

/** The validated configuration; a bad one ends the process with its message, which names the variable and what is wrong. */
export function configOrExit(): AppConfig {
  try {
    return getConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}
