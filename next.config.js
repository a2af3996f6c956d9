import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Database drivers run as plain Node modules on the server instead of being bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
  // This folder is the workspace root even when a lockfile sits in a parent folder.
  turbopack: { root },
  outputFileTracingRoot: root,
  // Type errors are caught by `npm run typecheck` (part of npm test); don't type-check twice in `next build`.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
