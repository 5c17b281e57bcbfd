/** The HTTP service: build the app (tests) or run it (locus serve). */
export { createApp } from "./app.js";
export { runService, startWorker } from "./cluster.js";
export { type Config, ConfigError, loadConfig } from "./config.js";
export { type Engine, loadEngine } from "./engine.js";
