import { defineConfig } from "vitest/config";

// Built into the admin jar by Maven (see admin/pom.xml), which the portal WAR serves at /admin/, so
// every asset is /admin/assets/…; nothing is fetched from a CDN at run time.
export default defineConfig({
  base: "/admin/",
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
