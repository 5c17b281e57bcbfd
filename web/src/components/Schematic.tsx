/**
 * The lumbosacral roots, plexus and nerves as a tree drawn from the atlas: roots on the left, plexus
 * elements, then each nerve with its branches. The lesion shown is red; what lies downstream of it,
 * orange.
 */
import { useMemo } from "react";
import type { Territory } from "../territory.js";
import type { AtlasOverview, Side } from "../types.js";

interface Node {
  id: string;
  label: string;
  x: number;
  y: number;
}

const ROW = 19;
const COLS = [20, 88, 170, 262, 350];

export function layout(atlas: AtlasOverview) {
  const children = new Map<string, string[]>();
  for (const n of atlas.nerves) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  const nerveName = new Map(atlas.nerves.map((n) => [n.id, n.name]));
  const nodes: Node[] = [];
  const edges: [string, string][] = [];
  let row = 0;
  const plexusY = new Map<string, number>();
  const visit = (id: string, depth: number, parent: string) => {
    const y = 14 + row * ROW;
    row++;
    nodes.push({ id, label: nerveName.get(id) ?? id, x: COLS[Math.min(depth + 1, COLS.length - 1)]!, y });
    edges.push([parent, id]);
    for (const c of children.get(id) ?? []) visit(c, depth + 1, id);
  };
  for (const p of atlas.plexus) {
    const first = row;
    for (const c of children.get(p.id) ?? []) visit(c, 1, p.id);
    const last = Math.max(first, row - 1);
    plexusY.set(p.id, 14 + ((first + last) / 2) * ROW);
    if (first === row) row++;
  }
  const height = 14 + row * ROW;
  atlas.plexus.forEach((p) => {
    nodes.push({ id: p.id, label: p.name, x: COLS[1]!, y: plexusY.get(p.id) ?? 14 });
    if (p.fedBy) edges.push([p.fedBy, p.id]);
    for (const r of p.roots)
      if (!p.fedBy || !atlas.plexus.find((q) => q.id === p.fedBy)?.roots.includes(r)) edges.push([r, p.id]);
  });
  const roots = atlas.roots.filter((r) => atlas.plexus.some((p) => p.roots.includes(r.id)));
  roots.forEach((r, i) => {
    nodes.push({ id: r.id, label: r.id, x: COLS[0]!, y: 14 + ((i + 0.5) * (height - 28)) / roots.length });
  });
  return { nodes, edges, height };
}

const sideWord = (s: Set<Side> | undefined) =>
  s ? (s.size === 2 ? " (both)" : s.has("right") ? " (R)" : " (L)") : "";

export function Schematic({
  atlas,
  territory,
  title,
}: {
  atlas: AtlasOverview;
  territory: Territory;
  title: string;
}) {
  const { nodes, edges, height } = useMemo(() => layout(atlas), [atlas]);
  const at = new Map(nodes.map((n) => [n.id, n]));
  const state = (id: string) =>
    territory.lesionNodes.has(id) ? "lesion" : territory.reachedNodes.has(id) ? "reached" : "";
  const lesioned = nodes.filter((n) => territory.lesionNodes.has(n.id));
  return (
    <figure className="schematic">
      <svg viewBox={`0 0 520 ${height}`} role="img" aria-labelledby="schematic-title schematic-desc">
        <title id="schematic-title">Roots, plexus and nerves of the leg</title>
        <desc id="schematic-desc">
          {lesioned.length
            ? `Lesion shown: ${title}, at ${lesioned.map((n) => n.label + sideWord(territory.lesionNodes.get(n.id))).join(", ")}.`
            : "No focal lesion shown."}
        </desc>
        {edges.map(([a, b]) => {
          const p = at.get(a);
          const q = at.get(b);
          if (!p || !q) return null;
          const hot = state(a) && state(b);
          const mid = (p.x + q.x) / 2;
          return (
            <path
              key={`${a}-${b}`}
              d={`M${p.x},${p.y} C${mid},${p.y} ${mid},${q.y} ${q.x},${q.y}`}
              className={`edge${hot ? " hot" : ""}`}
            />
          );
        })}
        {nodes.map((n) => (
          <g key={n.id} className={`node ${state(n.id)}`} data-node={n.id}>
            <circle cx={n.x} cy={n.y} r={state(n.id) === "lesion" ? 6.5 : 4.5} />
            <text x={n.x + 9} y={n.y + 4}>
              {n.label}
              {sideWord(territory.lesionNodes.get(n.id))}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        <span className="key lesion" /> lesion <span className="key reached" /> downstream of it
        {territory.diffuse.length > 0 && (
          <>
            {" "}
            · diffuse: {territory.diffuse.map((l) => l.level.replaceAll("_", " ")).join(", ")} (no single
            site)
          </>
        )}
      </figcaption>
    </figure>
  );
}
