import { z } from "zod";
import { describe, getAtlas } from "../../atlas/index.js";
import { issue } from "../engine.js";
import { HttpError } from "../errors.js";
import { json, problemResponses } from "./responses.js";
import type { RouteSpec } from "./types.js";

export const atlasRoutes: RouteSpec[] = [
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
