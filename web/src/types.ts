/** The shapes the page works with: the service's answers and the atlas overview. */

import type { AnalysisDifferential } from "../../src/analysis/assemble.js";
import type { Finding, Lesion, LocusCase } from "../../src/case/schema.js";
import type { Hypothesis, Localization, Reason } from "../../src/localize/types.js";

export type { Finding, Hypothesis, Lesion, Localization, LocusCase, Reason };
/** The differential as the analysis gives it (src/analysis/assemble.ts). */
export type Differential = AnalysisDifferential;

export type Side = "left" | "right";
export const SIDES: readonly Side[] = ["right", "left"];

export interface Reach {
  id: string;
  share: number;
}
export interface RootShare {
  root: string;
  weight: number;
  role: "major" | "minor";
}

/** GET /api/v1/atlas */
export interface AtlasOverview {
  version: string;
  roots: { id: string; name: string; foramen: string }[];
  plexus: { id: string; name: string; roots: string[]; fedBy?: string }[];
  nerves: { id: string; name: string; parent: string; roots: string[] }[];
  sites: {
    id: string;
    level: "root" | "plexus" | "nerve";
    name: string;
    formatId: string;
    nerve?: string;
    muscles: Reach[];
    regions: Reach[];
    reflexes: Reach[];
    studies: Reach[];
  }[];
  movements: { id: string; name: string; primeMovers: string[] }[];
  muscles: { id: string; name: string; roots: RootShare[]; movements: string[]; commonlyNeedled: boolean }[];
  reflexes: { id: string; name: string; umnSign: boolean }[];
  regions: { id: string; name: string; roots: RootShare[]; midline: boolean; cutaneousNerves: Reach[] }[];
  studies: { id: string; name: string; type: string; nerve: string }[];
}

export type { Plan, Suggestion, TestRef } from "../../src/plan/index.js";

export type { Extraction, Span } from "../../src/text/index.js";

export interface Issue {
  path: (string | number)[];
  message: string;
  expected?: string;
  found?: unknown;
  suggestions?: string[];
}

/** POST /api/v1/localize and /api/v1/plan: the one analysis (src/analysis/assemble.ts) beside the case read. */
export type { AnalysisAnswer } from "../../src/server/analysis.js";

export interface CaseRecord {
  id: string;
  revision: number;
  createdAt: string;
  case: LocusCase;
  report: unknown;
}
export interface CaseSummary {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** When the case was archived (deleted, recoverably); null or absent when it is not. */
  archivedAt?: string | null;
}
export interface Revision {
  revision: number;
  createdAt: string;
  atlasVersion: string | null;
}
