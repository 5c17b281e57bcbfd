import { stages } from "../engine.js";
import { health } from "../schemas.js";
import { json } from "./responses.js";
import type { RouteSpec } from "./types.js";

export const healthRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/healthz",
    summary: "Liveness: the process answers",
    tags: ["operations"],
    public: true,
    responses: { 200: json(health, "alive") },
    handler: (c) => c.json({ status: "ok" }),
  },
  {
    method: "get",
    path: "/readyz",
    summary: "Readiness: the store answers and the engine is loaded",
    tags: ["operations"],
    public: true,
    responses: { 200: json(health, "ready"), 503: json(health, "the store does not answer") },
    handler: async (c, { repo, engine }) => {
      try {
        await repo.ping();
      } catch {
        return c.json({ status: "unavailable", store: repo.kind }, 503);
      }
      return c.json({
        status: "ready",
        store: repo.kind,
        atlasVersion: engine.atlasVersion,
        stages: stages(engine),
      });
    },
  },
];
