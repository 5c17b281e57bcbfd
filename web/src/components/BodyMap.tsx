/**
 * Both legs, front and back, cut into the atlas's skin regions (our own drawing after the usual
 * dermatome and cutaneous-nerve charts, see bodyShapes.ts and legRegions.ts). Choose what to mark
 * (reduced, absent, ...), then click or press Enter on regions. The overlay colours the map by the
 * dermatome or the cutaneous nerve that supplies most of each region, from the atlas; the hatching
 * is the skin the lesion shown reaches.
 */
import { useMemo, useState } from "react";
import { OTHERS, SENSORY_CHANGES, SENSORY_MODALITIES } from "../../../src/case/schema.js";
import {
  bodyShapes,
  legOutlines,
  musclePoint,
  type Shape,
  VIEW_HEIGHT,
  VIEW_WIDTH,
  type View,
} from "../bodyShapes.js";
import { findSided, setSided } from "../caseModel.js";
import { isSensory, regionOf } from "../reading.js";
import type { Territory } from "../territory.js";
import type { AtlasOverview, Finding, LocusCase } from "../types.js";

type Change = (typeof SENSORY_CHANGES)[number];
type Overlay = "none" | "dermatomes" | "nerves";

export const CHANGE_COLOUR: Record<Change, string> = {
  absent: "#1f3a93",
  reduced: "#4f7bd9",
  increased: "#d9822b",
  paresthesia: "#8e44ad",
  pain: "#c0392b",
  normal: "#3c8d50",
};

const PALETTE = [
  "#e6c229",
  "#f17105",
  "#d11149",
  "#6610f2",
  "#1a8fe3",
  "#0fa3b1",
  "#59a96a",
  "#9b7e46",
  "#c17fd8",
  "#7d8597",
  "#ff99c8",
  "#a0c4ff",
];

interface Props {
  c: LocusCase;
  atlas: AtlasOverview;
  territory: Territory;
  onChange: (c: LocusCase) => void;
  /** A small picture of findings and the lesion's skin, without the tools. */
  readOnly?: boolean;
}

export function BodyMap({ c, atlas, territory, onChange, readOnly = false }: Props) {
  const shapes = useMemo(bodyShapes, []);
  const outlines = useMemo(legOutlines, []);
  const [tool, setTool] = useState<Change | "clear">("reduced");
  const [modality, setModality] = useState<string>("");
  const [chosenOverlay, setOverlay] = useState<Overlay>("dermatomes");
  const overlay: Overlay = readOnly ? "none" : chosenOverlay;
  const regionById = useMemo(() => new Map(atlas.regions.map((r) => [r.id, r])), [atlas]);

  const overlayKey = (region: string): string | undefined => {
    const r = regionById.get(region);
    return r && overlay !== "none" ? overlayKeyOf(r, overlay) : undefined;
  };
  const legendKeys =
    overlay === "dermatomes"
      ? atlas.roots
          .map((r) => r.id)
          .filter((id) => atlas.regions.some((r) => overlayKeyOf(r, "dermatomes") === id))
      : overlay === "nerves"
        ? [...new Set(atlas.regions.map((r) => overlayKeyOf(r, "nerves")).filter((x): x is string => !!x))]
        : [];
  const colourOf = (key: string | undefined) =>
    key ? (PALETTE[legendKeys.indexOf(key) % PALETTE.length] ?? "#ddd") : "#f3efe9";

  // The finding shown for each side and region: the first that covers it (as the grids read).
  const shown = new Map<string, Extract<Finding, { kind: "sensory" }>>();
  for (const f of c.findings) {
    if (f.kind !== "sensory") continue;
    const sides = f.side === "left" || f.side === "right" ? [f.side] : ["right", "left", "midline"];
    const region = regionOf(f);
    for (const side of sides) if (!shown.has(`${side}:${region}`)) shown.set(`${side}:${region}`, f);
  }
  const valueAt = (s: Shape) => shown.get(s.key);

  const apply = (s: Shape) => {
    const make = (side?: "left" | "right"): Finding | null =>
      tool === "clear"
        ? null
        : {
            kind: "sensory",
            ...(side ? { side } : {}),
            region: s.region,
            change: tool,
            ...(modality ? { modality: modality as (typeof SENSORY_MODALITIES)[number] } : {}),
          };
    if (s.side === "midline") {
      const rest = c.findings.filter((f) => !isSensory(s.region)(f));
      const f = make();
      onChange({ ...c, findings: f ? [...rest, f] : rest });
    } else onChange(setSided(c, isSensory(s.region), s.side, (side) => make(side)));
  };

  const name = (region: string) => regionById.get(region)?.name ?? region.replaceAll("_", " ");
  const supply = (region: string) => {
    const r = regionById.get(region);
    if (!r) return "";
    return `dermatomes ${r.roots.map((x) => x.root).join(", ")}; nerves ${r.cutaneousNerves.map((n) => n.id.replaceAll("_", " ")).join(", ") || "none listed"}`;
  };

  const reachedNames = [...territory.regions.keys()].map((k) => {
    const [side, region] = k.split(":") as [string, string];
    return `${side} ${name(region)}`;
  });
  const muscleMarks = atlas.muscles.flatMap((m) =>
    (["right", "left"] as const).flatMap((side) => {
      const share = territory.muscles.get(`${side}:${m.id}`) ?? 0;
      const at = share > 0 ? musclePoint(m.id, side) : undefined;
      return at
        ? [
            {
              ...at,
              key: `${side}:${m.id}`,
              share,
              title: `${side} ${m.name}: ${Math.round(share * 100)}% of its supply reached`,
            },
          ]
        : [];
    }),
  );
  const drawView = (view: View, title: string) => (
    <figure className="bodyview">
      <svg
        viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
        role={readOnly ? "img" : "group"}
        aria-label={
          readOnly
            ? `${title}: skin the lesion reaches: ${reachedNames.join(", ") || "none drawn"}`
            : `${title}: skin regions`
        }
        className="bodymap-svg"
      >
        <defs>
          <pattern
            id={`hatch-${view}${readOnly ? "-ro" : ""}`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="6" stroke="#b00020" strokeWidth="3" />
          </pattern>
        </defs>
        <text x={view === "front" ? 30 : 170} y={20} className="sidelabel">
          R
        </text>
        <text x={view === "front" ? 170 : 30} y={20} className="sidelabel">
          L
        </text>
        {shapes
          .filter((s) => s.view === view)
          .map((s) => {
            const f = valueAt(s);
            const reach = s.side === "midline" ? 0 : (territory.regions.get(`${s.side}:${s.region}`) ?? 0);
            const where = s.side === "midline" ? "" : `${s.side} `;
            const state = f
              ? `${f.change}${f.modality ? ` (${f.modality.replace("_", " ")})` : ""}`
              : "not tested";
            const shapes = (
              <>
                <polygon
                  points={s.points}
                  fill={f ? CHANGE_COLOUR[f.change] : colourOf(overlayKey(s.region))}
                  fillOpacity={f ? 0.9 : overlay === "none" ? 1 : 0.55}
                  stroke="#555"
                  strokeWidth={0.5}
                />
                {reach > 0 && (
                  <polygon
                    points={s.points}
                    fill={`url(#hatch-${view}${readOnly ? "-ro" : ""})`}
                    fillOpacity={Math.min(1, 0.25 + reach * 0.75)}
                    stroke="#b00020"
                    strokeWidth={reach >= 0.5 ? 2 : 1}
                    pointerEvents="none"
                  />
                )}
              </>
            );
            if (readOnly) return <g key={s.id}>{shapes}</g>;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG region cannot be a <button>; it has role, name, focus and keys
              <g
                key={s.id}
                role="button"
                tabIndex={0}
                aria-label={`${where}${name(s.region)}: ${state}`}
                aria-pressed={f ? true : undefined}
                data-region={s.region}
                data-side={s.side}
                className="region"
                onClick={() => apply(s)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    apply(s);
                  }
                }}
              >
                <title>{`${where}${name(s.region)}: ${state}. ${supply(s.region)}`}</title>
                {shapes}
              </g>
            );
          })}
        {outlines
          .filter((o) => o.view === view)
          .map((o) => (
            <path key={o.id} d={o.d} className="body-outline" pointerEvents="none" />
          ))}
        {muscleMarks
          .filter((m) => m.view === view)
          .map((m) => (
            <circle
              key={m.key}
              cx={m.x}
              cy={m.y}
              r={readOnly ? 5 : 4}
              className="muscle-mark"
              fillOpacity={Math.min(1, 0.3 + m.share * 0.7)}
              pointerEvents="none"
            >
              <title>{m.title}</title>
            </circle>
          ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );

  if (readOnly)
    return (
      <div className="bodymap small">
        {drawView("front", "Front")}
        {drawView("back", "Back")}
      </div>
    );
  return (
    <section aria-labelledby="body-h" className="panel">
      <h3 id="body-h">Sensation: body map</h3>
      <div className="toolbar">
        <fieldset>
          <legend>Mark</legend>
          {[...SENSORY_CHANGES, "clear" as const].map((ch) => (
            <label key={ch} className="chip">
              <input type="radio" name="tool" value={ch} checked={tool === ch} onChange={() => setTool(ch)} />
              {ch !== "clear" && (
                <span className="swatch" style={{ background: CHANGE_COLOUR[ch] }} aria-hidden="true" />
              )}
              {ch}
            </label>
          ))}
        </fieldset>
        <label>
          Modality{" "}
          <select value={modality} onChange={(e) => setModality(e.currentTarget.value)}>
            <option value="">any</option>
            {SENSORY_MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Overlay</legend>
          {(["dermatomes", "nerves", "none"] as const).map((o) => (
            <label key={o} className="chip">
              <input
                type="radio"
                name="overlay"
                value={o}
                checked={overlay === o}
                onChange={() => setOverlay(o)}
              />
              {o === "nerves" ? "cutaneous nerves" : o}
            </label>
          ))}
        </fieldset>
      </div>
      <fieldset className="others">
        <legend>All other skin (not marked on the map)</legend>
        {(["right", "left"] as const).map((side) => {
          const at = findSided(c, isSensory(OTHERS), side);
          const f = at >= 0 ? c.findings[at] : undefined;
          return (
            <label key={side}>
              {side}{" "}
              <select
                aria-label={`${side} all other skin`}
                value={f?.kind === "sensory" ? f.change : ""}
                onChange={(e) => {
                  const change = e.currentTarget.value as Change | "";
                  onChange(
                    setSided(c, isSensory(OTHERS), side, (s) =>
                      change
                        ? {
                            kind: "sensory",
                            side: s,
                            region: OTHERS,
                            change,
                            ...(modality
                              ? { modality: modality as (typeof SENSORY_MODALITIES)[number] }
                              : {}),
                          }
                        : null,
                    ),
                  );
                }}
              >
                <option value="">—</option>
                {SENSORY_CHANGES.map((ch) => (
                  <option key={ch} value={ch}>
                    {ch}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </fieldset>
      <div className="bodymap">
        {drawView("front", "Front")}
        {drawView("back", "Back, soles below")}
      </div>
      {legendKeys.length > 0 && (
        <ul
          className="legend"
          aria-label={overlay === "dermatomes" ? "Dermatome colours" : "Cutaneous nerve colours"}
        >
          {legendKeys.map((k) => (
            <li key={k}>
              <span className="swatch" style={{ background: colourOf(k) }} aria-hidden="true" />
              {k.replaceAll("_", " ")}
            </li>
          ))}
          <li>
            <span className="swatch hatch" aria-hidden="true" /> skin reached by the lesion shown
          </li>
          <li>
            <span className="swatch dot" aria-hidden="true" /> muscle reached (darker: more of its supply)
          </li>
        </ul>
      )}
    </section>
  );
}

function overlayKeyOf(
  r: AtlasOverview["regions"][number],
  overlay: "dermatomes" | "nerves",
): string | undefined {
  if (overlay === "dermatomes") return [...r.roots].sort((a, b) => b.weight - a.weight)[0]?.root;
  return [...r.cutaneousNerves].sort((a, b) => b.share - a.share)[0]?.id;
}
