/**
 * The page (web/): React 19 built by Vite into web/dist, which the Locus server serves at `/`.
 * The page imports the engine's pure stages from src/ (case, localize, differential) so results
 * follow each click at once; the service answers the rest (extraction, plan, cases, FHIR).
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" }, fs: { allow: [".."] } },
});
