/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native addon and dictionary files read from disk at run time: keep them out of the bundle.
  serverExternalPackages: ["better-sqlite3", "az"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
