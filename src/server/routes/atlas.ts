import { z } from "zod";
import { type Atlas, describe, getAtlas } from "../../atlas/index.js";
import { issue } from "../engine.js";
import { HttpError } from "../errors.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

const round = (x: number) => Math.round(x * 1000) / 1000;
const reach = (list: { id: string; share: number }[]) =>
  list.map((r) => ({ id: r.id, share: round(r.share) }));

/**
 * The whole atlas in one answer, as the page needs it: the words of the case entry (movements,
 * muscles, reflexes, skin regions, studies), the tree of roots, plexus and nerves, and for every
 * lesion site what it reaches (shares of supply), so the page can shade a lesion's territory.
 */
export function atlasOverview(atlas: Atlas) {
  const d = atlas.data;
  return {
    version: atlas.version,
    roots: d.roots.map((r) => ({ id: r.id, name: r.name, foramen: r.foramen })),
    plexus: d.plexus.map((p) => ({
      id: p.id,
      name: p.name,
      roots: p.roots,
      ...(p.fedBy ? { fedBy: p.fedBy.element } : {}),
    })),
    nerves: d.nerves.map((n) => ({
      id: n.id,
      name: n.name,
      parent: "plexus" in n.parent ? n.parent.plexus : n.parent.nerve,
      roots: n.roots,
    })),
    sites: atlas.fibres.sites.map((s) => {
      const e = atlas.effect(s.id);
      return {
        id: s.id,
        level: s.level,
        name: s.name,
        formatId: s.formatId,
        ...(s.nerve ? { nerve: s.nerve } : {}),
        muscles: reach(e.muscles),
        regions: reach(e.regions),
        reflexes: reach(e.reflexes),
        studies: reach(e.studies),
      };
    }),
    movements: d.movements.map((m) => ({ id: m.id, name: m.name, primeMovers: m.primeMovers })),
    muscles: d.muscles.map((m) => ({
      id: m.id,
      name: m.name,
      roots: m.roots,
      movements: m.movements,
      commonlyNeedled: m.commonlyNeedled,
    })),
    reflexes: d.reflexes.map((r) => ({ id: r.id, name: r.name, umnSign: Boolean(r.umnSign) })),
    regions: d.regions.map((r) => {
      const entry = describe(atlas, r.id);
      return {
        id: r.id,
        name: r.name,
        roots: r.roots,
        midline: Boolean(r.midline),
        cutaneousNerves: entry?.kind === "region" ? reach(entry.cutaneousNerves) : [],
      };
    }),
    studies: d.studies.map((s) => ({ id: s.id, name: s.name, type: s.type, nerve: s.nerve })),
  };
}

let overview: string | undefined;

export const atlasRoutes: RouteSpec[] = [
  {
    method: "get",
    path: "/api/v1/atlas",
    summary: "The whole atlas for the page: entry words, the nerve tree, and what each lesion site reaches",
    tags: ["atlas"],
    responses: { 200: json(z.object({ version: z.string() }).catchall(z.unknown()), "the atlas") },
    handler: (c) => {
      overview ??= JSON.stringify(atlasOverview(getAtlas()));
      return c.body(overview, 200, { "content-type": "application/json" });
    },
  },
  {
    method: "get",
    path: "/api/v1/atlas/{id}",
    summary: "What the atlas knows about an id, a synonym or an abbreviation (EHL, knee jerk)",
    tags: ["atlas"],
    request: { params: z.object({ id: z.string().describe("an atlas id or any word for it") }) },
    responses: {
      200: json(z.object({ version: z.string() }).catchall(z.unknown()), "the atlas entry"),
      404: problemResponses[400],
    },
    handler: (c) => {
      const atlas = getAtlas();
      const word = c.req.param("id") ?? "";
      if (word.length > 200)
        throw new HttpError(400, "invalid_parameter", "an atlas id is at most 200 characters");
      const entry = describe(atlas, word);
      if (!entry) {
        const near = atlas.nearest(word, undefined, 5);
        throw new HttpError(
          404,
          "not_in_atlas",
          `"${word}" is not in the atlas${near.length ? `; did you mean ${near.join(", ")}?` : ""}`,
          [issue(["id"], "not an atlas id or synonym", { found: word, suggestions: near })],
        );
      }
      return c.json({ version: atlas.version, ...entry });
    },
  },
];
