/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addon and dictionary files read from disk at run time: keep them out of the bundle.
  serverExternalPackages: ["better-sqlite3", "az"],
  // A second build directory lets a test build with secrets in the environment without touching .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The build checks what the app ships; \`npm run typecheck\` checks scripts and tests too.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  // Static files too (proxy.ts sets these and the CSP on pages and API answers).
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }, { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] }];
  },
};

export default nextConfig;
