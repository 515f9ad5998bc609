declare module "unbzip2-stream" {
  import type { Duplex } from "node:stream";
  /** A through stream that decompresses bzip2. */
  export default function unbzip2(): Duplex;
}
