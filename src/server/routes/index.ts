/** Every route of the service. Adding a route is adding one entry (or one list) here. */
import { analysisRoutes } from "./analysis.js";
import { atlasRoutes } from "./atlas.js";
import { caseRoutes } from "./cases.js";
import { cdsRoutes } from "./cds.js";
import { fhirRoutes } from "./fhir.js";
import { healthRoutes } from "./health.js";
import { pageRoutes } from "./page.js";
import { reportRoutes } from "./report.js";
import type { RouteSpec } from "./types.js";

export type { RouteSpec } from "./types.js";

export const routes: readonly RouteSpec[] = [
  ...healthRoutes,
  ...analysisRoutes,
  ...caseRoutes,
  ...atlasRoutes,
  ...fhirRoutes,
  ...reportRoutes,
  ...cdsRoutes,
  ...pageRoutes,
];
