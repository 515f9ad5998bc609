// Worker threads do not inherit the TypeScript loader the import runs under (tsx, vitest): register it, then load the worker.
import { register } from "tsx/esm/api";

register();
await import("./analysis-worker.ts");
