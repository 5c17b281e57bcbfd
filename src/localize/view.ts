/**
 * What a hypothesis's lesions are, asked by every context item of every candidate: plain loops
 * (closures made per question add up).
 */
import type { View } from "./context.js";
import type { DiffuseKind, FocalLevel, Unit } from "./model.js";
import type { LimbSide } from "./observe.js";

/** The hypothesis of no neural lesion at all (a joint, a vessel). */
export const notNeural = (view: View) => view.diffuse === "none" && view.units.length === 0;

/** Whether a lesion is on the side (any side when none is given, or both). */
export const onSide = (u: Unit, side: string | undefined) => !side || side === "bilateral" || u.side === side;

/** Whether any of `xs` is in `list`. */
export function anyIn(xs: readonly string[], list: readonly string[] | ReadonlySet<string>): boolean {
  for (const x of xs)
    if (Array.isArray(list) ? list.includes(x) : (list as ReadonlySet<string>).has(x)) return true;
  return false;
}

/** Whether a lesion of the view is at this level, on the side (any side when none is given). */
export function anyAt(view: View, level: FocalLevel, side?: string): boolean {
  for (const u of view.units) if (u.level === level && onSide(u, side)) return true;
  return false;
}

/** Whether a lesion of the view (at this level, or any) has a part in `parts`, on the side. */
export function anyWith(
  view: View,
  level: FocalLevel | undefined,
  parts: ReadonlySet<string>,
  side?: string,
): boolean {
  for (const u of view.units)
    if ((level === undefined || u.level === level) && anyIn(u.parts, parts) && onSide(u, side)) return true;
  return false;
}

/** Whether a root lesion of the view takes one of `roots`, on the side (any side when `anySide`). */
export function rootsHit(
  view: View,
  roots: readonly string[],
  side: string | undefined,
  anySide = false,
): boolean {
  for (const u of view.units)
    if (u.level === "root" && anyIn(u.parts, roots) && (anySide || onSide(u, side))) return true;
  return false;
}

export function touchesMuscles(view: View, muscles: string[], side: string | undefined): boolean {
  for (const u of view.units)
    if (u.level === "muscle" && onSide(u, side) && anyIn(u.muscles, muscles)) return true;
  return false;
}

const SACRAL_BILATERAL: ReadonlySet<DiffuseKind> = new Set([
  "cauda_equina",
  "cauda_equina_low",
  "conus",
  "epiconus",
  "cns_bilateral",
]);

/** Bladder and bowel need S2-S4 on both sides: the pelvic splanchnic nerves leave the roots, not the pudendal nerve. */
export function sacralBothSides(view: View): boolean {
  if (SACRAL_BILATERAL.has(view.diffuse)) return true;
  return sacralOn(view, "left") && sacralOn(view, "right");
}

const SACRAL = ["S2", "S3", "S4"];

function sacralOn(view: View, side: LimbSide): boolean {
  for (const u of view.units) if (anyIn(u.parts, SACRAL) && u.side === side) return true;
  return false;
}
