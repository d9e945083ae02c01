// The dashboard (web/) built by Vite into dist-web/, served by `parley serve` at /.
// JSX is Preact's (automatic runtime); the map, network and chart libraries are split into
// chunks loaded by the pages that use them.
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  base: "/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "../dist-web",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
