/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addon and dictionary files read from disk at run time: keep them out of the bundle.
  serverExternalPackages: ["better-sqlite3", "az"],
  poweredByHeader: false,
  // The build checks what the app ships; \`npm run typecheck\` checks scripts and tests too.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
};

export default nextConfig;
