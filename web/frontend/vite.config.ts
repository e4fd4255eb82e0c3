import { defineConfig } from "vitest/config";

// Built into the WAR by Maven (see web/pom.xml): assets are absolute (/assets/…) so every
// tenant path (/t/{slug}/…) serves the same files, and nothing is fetched from a CDN at run time.
export default defineConfig({
  base: "/",
  // The shared core (web/frontend-core) is linked into node_modules; resolving from the link keeps
  // one React and one keycloak-js, this app's own.
  resolve: { preserveSymlinks: true },
  build: {
    outDir: "../target/frontend",
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
  },
});
