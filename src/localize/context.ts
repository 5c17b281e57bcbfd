/**
 * Findings that weigh hypotheses without measuring one muscle or region: imaging, tension signs,
 * hypertrophy and fasciculations, CK and CSF, sphincter symptoms. Each becomes an item giving the
 * probability of what was seen under a hypothesis.
 */

import type { Atlas } from "../atlas/index.js";
import { placeSites } from "../case/places.js";
import type { Finding, ImagingFinding, LocusCase } from "../case/schema.js";
import { keep, keepBounded } from "../keep.js";
import { bedsideItems } from "./bedside.js";
import {
  ck,
  csfProtein,
  imaging,
  muscleSigns,
  muscleTenderness,
  nerveTenderness,
  type Rated,
  sphincter,
  tension,
} from "./data/evidence.js";
import {
  CAUDA,
  CENTRAL,
  CORD_LESIONS,
  type DiffuseKind,
  INTRASPINAL_ROOTS,
  LESION_ROOTS as ROOTS,
  reach,
  type Unit,
} from "./model.js";
import { musclesInText, nerveSitesInText, rootsAtLevel, rootsNamed } from "./named.js";
import { daysSinceOnset, type LimbSide, musclesOfBodyPart } from "./observe.js";
import {
  anyAt,
  anyIn,
  anyWith,
  notNeural,
  onSide,
  rootsHit,
  sacralBothSides,
  touchesMuscles,
} from "./view.js";

export interface View {
  units: Unit[];
  diffuse: DiffuseKind;
}

export interface ContextItem {
  finding: number;
  label: string;
  /** Probability of what was seen under the hypothesis. */
  p: (v: View) => number;
}

const BRAIN =
  /\b(brain|cerebr\w*|intracerebral|intracranial|thalam\w*|capsul\w*|cortic\w*|subcortic\w*|hemispher\w*|parasagittal|basal ganglia|putamen|corona radiata|frontal|parietal)\b/i;
const CORD =
  /\b(spinal cord|myelopath\w*|intramedullary|fistula|flow voids?|cord (o|e)dema|conus|thoracic cord|myelitis)\b/i;
/** A report that names a root as compressed, displaced or touched, not just a disc or a narrow canal. */
const COMPRESSION =
  /\b(imping\w*|compress\w*|contact\w*|displac\w*|abut\w*|entrap\w*|deform\w*)\b[^.]*\b(roots?|nerves?)\b|\b(roots?|nerves?)\b[^.]*\b(imping\w*|compress\w*|contact\w*|displac\w*|entrap\w*)\b/i;

/** What limb imaging may say of a nerve it names, when no tag says it ("entrapment", "scar around", "the lesion at the fibular head"). */
const NERVE_ABNORMAL =
  /\b(entrap\w*|compress\w*|enlarg\w*|swell\w*|swollen|thicken\w*|neuroma|schwannoma|neurofibroma|tumou?r|mass|ganglion|cyst\w*|scar\w*|fibros\w*|hyperintens\w*|signal|indent\w*|imping\w*|tether\w*|constrict\w*|transect\w*|lacerat\w*|o?edema\w*|inflam\w*|neuritis|neuropath\w*|compromis\w*|efface\w*|lesions?)\b/i;
/**
 * A report that may call what it names normal: then an untagged report is not read as abnormal.
 * "Not" about the report itself ("details not given", "not available") negates nothing.
 */
const NEGATED =
  /\b(normal|no|unremarkable|intact|without)\b|\bnot\b(?!\s+(given|available|reported|stated|done|performed|specified|known)\b)/i;

/** Hip or knee disease on imaging: the complaint may be the joint's. */
const jointDisease = (view: View) =>
  notNeural(view) ? v(imaging.jointDisease.notNeural) : v(imaging.jointDisease.background);

/** A disc beyond an annular bulge or protrusion: extruded, sequestered, migrated (Fardon 2014). */
const EXTRUSION = /\b(extru\w*|sequest\w*|migrat\w*|free fragment\w*)\b/i;

/** Untagged imaging of the hip or knee joint that describes its disease (joint_disease). */
const JOINT =
  /\b(osteo-?arthritis|arthritis|arthrosis|coxarthrosis|femoro-?acetabular|osteonecrosis|avascular necrosis|joint effusion|subchondral (collapse|cyst\w*|sclerosis))\b/i;

/** Vascular ultrasound (veins, arteries) says nothing about nerves. */
const VESSELS = /\b(vein|venous|dvt|deep vein|doppler|thromb\w*|arter\w*|duplex)\b/i;
const PELVIC_NERVES = new Set(["sciatic", "femoral", "obturator", "lateral_femoral_cutaneous"]);

const v = (x: Rated) => x.value;
const NONE: ReadonlySet<string> = new Set();
const isCnsKind = (k: DiffuseKind) => CENTRAL.has(k);

/**
 * How well a brain lesion fits a hypothesis: a lesion of one hemisphere weakens the leg on the other
 * side (the pyramidal tract crosses at the medulla), so a report that names the hemisphere's side
 * fits a central lesion of the opposite leg, and one of the same side far less.
 */
function brainFits(view: View, text: string): number {
  const e = imaging.brainLesion;
  if (!isCnsKind(view.diffuse) || view.diffuse === "cns_bilateral") return v(e.background);
  const hemisphere = /\bleft\b/i.test(text) ? "left" : /\bright\b/i.test(text) ? "right" : undefined;
  if (
    !hemisphere ||
    /\b(bilateral|both)\b/i.test(text) ||
    (/\bleft\b/i.test(text) && /\bright\b/i.test(text))
  )
    return v(e.fits);
  const leg = view.diffuse.endsWith("left") ? "left" : "right";
  return leg !== hemisphere ? v(e.fits) : v(e.sameSide);
}

/**
 * A lesion that cuts at least this share of a muscle's supply denervates it enough to change it on
 * imaging or to the eye (a modelling threshold: the reading is all or nothing above it).
 */
const DENERVATED = 0.3;

/** Answers kept per atlas and muscle list; past the bound a table starts again. */
const MAX_KEPT = 1000;
const denervationMemos = new WeakMap<Atlas, Map<string, WeakMap<Unit, number>>>();

/**
 * The largest share of any of the muscles that the view's lesions cut. The search asks it of the
 * same lesions many times, and every case naming the same muscles asks the same, so the answers
 * are kept per lesion in a memo per atlas and muscle list.
 */
function denervationMemo(atlas: Atlas, muscles: readonly string[]): WeakMap<Unit, number> {
  return keepBounded(
    keep(denervationMemos, atlas, () => new Map()),
    muscles.join(","),
    () => new WeakMap(),
    MAX_KEPT,
  );
}

function denervation(
  atlas: Atlas,
  view: View,
  muscles: string[],
  side: LimbSide | undefined,
  memo: WeakMap<Unit, number>,
): number {
  let best = 0;
  for (const u of view.units) {
    if (u.level === "muscle" || (side && u.side !== side)) continue;
    let share = memo.get(u);
    if (share === undefined) {
      share = 0;
      for (const m of muscles)
        share = Math.max(
          share,
          u.parts.reduce((a, site) => a + reach(atlas, site, `muscle:${m}`), 0),
        );
      memo.set(u, share);
    }
    best = Math.max(best, share);
  }
  return best;
}

function imagingItems(atlas: Atlas, f: ImagingFinding, i: number, days: number): ContextItem[] {
  const text = f.text ?? "";
  const side = f.side;
  const items: ContextItem[] = [];
  const add = (tag: string, p: (view: View) => number) =>
    items.push({
      finding: i,
      label: `${f.modality.replace("_", " ")}: ${tag.replaceAll("_", " ")}${f.level ? ` at ${f.level}` : ""}${side ? ` (${side})` : ""}`,
      p,
    });
  const brain = f.modality === "mri_brain" || f.modality === "ct_brain" || BRAIN.test(text);
  const cord = CORD.test(text);
  // Limb imaging that names a nerve, or a place on one, says where its abnormality is.
  const limb = f.modality === "mri_limb" || f.modality === "ultrasound";
  const spine = f.modality === "mri_spine";
  const named = spine ? NONE : nerveSitesInText(atlas, text);
  // A plexus lesion can swell the nerves leaving it, not a nerve of the leg or foot.
  const nearPlexus = named.size === 0 || anyIn([...named], PELVIC_NERVES);
  /** The cord's signal changed: a lesion of the cord (both legs) or of the conus. */
  const cordSignal = (view: View) =>
    CORD_LESIONS.has(view.diffuse) ? v(imaging.cordSignal.cordLesion) : v(imaging.cordSignal.background);
  /** A nerve abnormality on imaging: at the named nerve when the report names one, else at any. */
  const nerveSignalOn = (view: View, on: typeof side) => {
    if (named.size ? anyWith(view, "nerve", named, on) : anyAt(view, "nerve", on))
      return v(imaging.nerveEnlargement.matching);
    if (nearPlexus && anyAt(view, "plexus", on))
      return v(imaging.plexusNeighbour.nerveSignalUnderPlexusLesion);
    return v(imaging.nerveEnlargement.background);
  };
  // Seen on both sides, it is two abnormalities: a lesion on one side accounts for one of them.
  const nerveSignal =
    side === "bilateral"
      ? (view: View) => nerveSignalOn(view, "left") * nerveSignalOn(view, "right")
      : (view: View) => nerveSignalOn(view, side);
  const allMuscles = () => {
    const inText = musclesInText(atlas, text);
    return inText.length ? inText : atlas.data.muscles.filter((m) => !m.dorsalRamus).map((m) => m.id);
  };
  for (const tag of f.tags) {
    switch (tag) {
      case "disc_herniation":
      case "foraminal_stenosis":
      case "canal_stenosis":
      case "lateral_recess_stenosis":
      case "spondylolisthesis":
      case "synovial_cyst": {
        const roots = rootsAtLevel(f.level, tag, text);
        // A root named as compressed, or a disc extruded or sequestered (rare without symptoms,
        // unlike bulges and protrusions: Jensen 1994), is read at the rarer background rate.
        const d =
          COMPRESSION.test(text) || (tag === "disc_herniation" && EXTRUSION.test(text))
            ? imaging.rootCompression
            : imaging.degenerativeAtLevel;
        add(tag, (view) => {
          const hit =
            rootsHit(view, roots, side) ||
            (tag === "canal_stenosis" && (CAUDA.has(view.diffuse) || view.diffuse === "polyradiculopathy"));
          return hit ? v(d.matching) : v(d.background);
        });
        break;
      }
      case "root_enhancement": {
        const roots = f.level || rootsNamed(text).length ? rootsAtLevel(f.level, tag, text) : ROOTS;
        add(tag, (view) =>
          rootsHit(view, roots, side) || INTRASPINAL_ROOTS.has(view.diffuse)
            ? v(imaging.rootEnhancement.matching)
            : v(imaging.rootEnhancement.background),
        );
        break;
      }
      case "plexus_enlargement":
      case "plexus_enhancement":
        add(tag, (view) => {
          if (anyAt(view, "plexus", side)) return v(imaging.plexusSignal.matching);
          if (anyWith(view, "nerve", PELVIC_NERVES, side))
            return v(imaging.plexusNeighbour.plexusSignalUnderNerveLesion);
          return v(imaging.plexusSignal.background);
        });
        break;
      case "nerve_enlargement":
        add(tag, nerveSignal);
        break;
      case "mass":
      case "hematoma":
        add(tag, (view) => {
          if (brain) return brainFits(view, text);
          if (cord) return cordSignal(view);
          const m = imaging.mass;
          for (const u of view.units) {
            if (!onSide(u, side)) continue;
            if (spine && u.level === "root") return v(m.spinalAtRoot);
            // A pelvic scan that names the nerves the mass presses on says which are hit.
            if (!limb && named.size && u.level === "nerve")
              return anyIn(u.parts, named) ? v(m.pelvicNamedNerve) : v(m.pelvicOtherNerve);
            if (!limb && named.size && u.level === "plexus") return v(m.pelvicPlexusBesideNamed);
            if (!spine && !limb && u.level === "plexus") return v(m.pelvicPlexus);
            if (!spine && !limb && u.level === "nerve" && anyIn(u.parts, PELVIC_NERVES))
              return v(m.pelvicNerve);
            if (limb && u.level === "muscle") return v(m.limbMuscle);
            if (limb && u.level === "nerve" && (named.size === 0 || anyIn(u.parts, named)))
              return v(m.limbNerve);
          }
          if (spine && (CAUDA.has(view.diffuse) || view.diffuse === "conus" || view.diffuse === "epiconus"))
            return v(m.spinalCauda);
          return v(m.background);
        });
        break;
      case "muscle_edema":
      case "muscle_fatty_change":
      case "muscle_hypertrophy": {
        const muscles = allMuscles();
        const memo = denervationMemo(atlas, muscles);
        const e =
          tag === "muscle_edema"
            ? imaging.muscleEdema
            : tag === "muscle_fatty_change"
              ? imaging.muscleFatty
              : imaging.muscleHypertrophy;
        const late =
          tag === "muscle_edema" && days < v(imaging.denervationOedema.fromDay)
            ? v(imaging.denervationOedema.early)
            : 1;
        const sides = side === "left" || side === "right" ? side : undefined;
        add(tag, (view) => {
          if (touchesMuscles(view, muscles, side)) return v(e.muscleLesion);
          const d = denervation(atlas, view, muscles, sides, memo);
          const dnv = d >= DENERVATED ? v(e.denervated) * late : 0;
          return Math.max(dnv, v(e.background));
        });
        break;
      }
      case "cord_signal_change":
        add(tag, cordSignal);
        break;
      case "brain_lesion":
        add(tag, (view) => Math.max(v(imaging.brainLesion.background), brainFits(view, text)));
        break;
      case "arterial_occlusion":
        add(tag, (view) =>
          notNeural(view) ? v(imaging.arterialOcclusion.notNeural) : v(imaging.arterialOcclusion.background),
        );
        break;
      case "joint_disease":
        add(tag, jointDisease);
        break;
      case "normal":
        if (f.modality === "mri_brain" || f.modality === "ct_brain") {
          add("normal", (view) =>
            isCnsKind(view.diffuse) && view.diffuse !== "cns_bilateral"
              ? v(imaging.normalBrain.centralLesion)
              : v(imaging.normalBrain.background),
          );
          break;
        }
        if (f.modality === "mri_spine") {
          add("normal", (view) =>
            anyAt(view, "root") || INTRASPINAL_ROOTS.has(view.diffuse)
              ? v(imaging.normalSpine.rootLesion)
              : v(imaging.normalSpine.background),
          );
        } else if (f.modality === "mri_plexus") {
          add("normal", (view) =>
            anyAt(view, "plexus") ? v(imaging.normalPlexus.plexusLesion) : v(imaging.normalPlexus.background),
          );
        } else if (f.modality === "ultrasound" && !VESSELS.test(text)) {
          // A normal scan of the nerves it names says nothing of the others.
          add("normal", (view) => {
            if (named.size ? anyWith(view, "nerve", named, side) : anyAt(view, "nerve", side))
              return v(imaging.normalNerveUltrasound.nerveLesion);
            if (anyAt(view, "plexus", side)) return v(imaging.normalNerveUltrasound.plexusLesion);
            return v(imaging.normalNerveUltrasound.background);
          });
        } else if (f.modality === "mri_limb") {
          const muscles = allMuscles();
          const memo = denervationMemo(atlas, muscles);
          const sides = side === "left" || side === "right" ? side : undefined;
          add("normal", (view) => {
            if (touchesMuscles(view, muscles, side)) return v(imaging.normalLimb.muscleLesion);
            const early = days < v(imaging.denervationOedema.fromDay);
            if (!early && denervation(atlas, view, muscles, sides, memo) >= DENERVATED)
              return v(imaging.normalLimb.denervated);
            return v(imaging.normalLimb.background);
          });
        }
        break;
    }
  }
  if (f.tags.length === 0 && brain)
    add("brain lesion", (view) => Math.max(v(imaging.brainLesion.untaggedFloor), brainFits(view, text)));
  if (f.tags.length === 0 && !spine && JOINT.test(text) && !NEGATED.test(text))
    add("joint disease", jointDisease);
  if (f.tags.length === 0 && named.size && NERVE_ABNORMAL.test(text) && !NEGATED.test(text))
    add("nerve abnormality", nerveSignal);
  if (f.tags.length === 0 && cord && !brain && f.modality === "mri_spine" && !NEGATED.test(text))
    add("cord signal", cordSignal);
  return items;
}

/** What the tension signs stretch: roots, and nerves and plexus. */
const SCIATIC_ROOTS = ["L4", "L5", "S1"];
const FEMORAL_ROOTS = ["L2", "L3", "L4"];
const SCIATIC: ReadonlySet<string> = new Set(["sciatic", "sacral_plexus"]);
const FEMORAL: ReadonlySet<string> = new Set(["femoral", "lumbar_plexus"]);

function signItem(atlas: Atlas, f: Extract<Finding, { kind: "sign" }>, i: number): ContextItem | undefined {
  const present = f.present !== false;
  const side = f.side;
  const label = `${side ? `${side} ` : ""}${f.sign.replaceAll("_", " ")}${present ? "" : " absent"}`;
  const bin = (m: Rated, b: Rated, hit: (view: View) => boolean): ContextItem => ({
    finding: i,
    label,
    p: (view) => {
      const p = hit(view) ? v(m) : v(b);
      return present ? p : 1 - p;
    },
  });
  switch (f.sign) {
    case "straight_leg_raise":
      return bin(
        tension.straightLegRaise.matching,
        tension.straightLegRaise.background,
        (view) => rootsHit(view, SCIATIC_ROOTS, side) || anyWith(view, undefined, SCIATIC, side),
      );
    case "crossed_straight_leg_raise":
      return bin(
        tension.crossedStraightLegRaise.matching,
        tension.crossedStraightLegRaise.background,
        (view) => rootsHit(view, SCIATIC_ROOTS, side, true),
      );
    case "femoral_stretch":
      return bin(
        tension.femoralStretch.matching,
        tension.femoralStretch.background,
        (view) => rootsHit(view, FEMORAL_ROOTS, side) || anyWith(view, undefined, FEMORAL, side),
      );
    case "hypertrophy": {
      const muscles = f.target ? musclesOfBodyPart(atlas, f.target) : [];
      const memo = denervationMemo(atlas, muscles);
      const e = imaging.muscleHypertrophy;
      return {
        finding: i,
        label,
        p: (view) => {
          const p = touchesMuscles(view, muscles, side)
            ? v(e.muscleLesion)
            : denervation(atlas, view, muscles, undefined, memo) >= DENERVATED
              ? v(muscleSigns.hypertrophy.denervated)
              : v(muscleSigns.hypertrophy.background);
          return present ? p : 1 - p;
        },
      };
    }
    case "tenderness": {
      const muscles = f.target ? musclesOfBodyPart(atlas, f.target) : [];
      if (muscles.length > 0)
        return bin(muscleTenderness.muscleLesion, muscleTenderness.background, (view) =>
          touchesMuscles(view, muscles, side),
        );
      // Tender over a place where a nerve is entrapped (tarsal tunnel, fibular neck): that nerve there.
      const sites = new Set(f.target ? placeSites(f.target) : []);
      if (sites.size === 0) return undefined;
      return bin(nerveTenderness.atSite, nerveTenderness.background, (view) =>
        anyWith(view, "nerve", sites, side),
      );
    }
    case "fasciculations":
      return {
        finding: i,
        label,
        p: (view) => {
          const e = muscleSigns.fasciculations;
          const p =
            view.diffuse === "anterior_horn"
              ? v(e.anteriorHorn)
              : anyAt(view, "root")
                ? v(e.root)
                : v(e.background);
          return present ? p : 1 - p;
        },
      };
    default:
      return undefined;
  }
}

/** Everything in a case that weighs hypotheses as a whole. */
export function contextItems(atlas: Atlas, c: LocusCase): ContextItem[] {
  const items: ContextItem[] = [];
  const days = daysSinceOnset(c);
  c.findings.forEach((f, i) => {
    if (f.kind === "imaging") items.push(...imagingItems(atlas, f, i, days));
    else if (f.kind === "sign") {
      const item = signItem(atlas, f, i);
      if (item) items.push(item);
    } else if (f.kind === "lab" && f.test === "ck") {
      const up = f.result === "elevated";
      items.push({
        finding: i,
        label: `CK ${f.result}`,
        p: (view) => {
          const muscle = view.diffuse === "myopathy" || anyAt(view, "muscle");
          const p = muscle
            ? v(ck.elevated.muscle)
            : view.units.length || view.diffuse === "anterior_horn"
              ? v(ck.elevated.neurogenic)
              : v(ck.elevated.background);
          return up ? p : 1 - p;
        },
      });
    } else if (f.kind === "lab" && f.test === "csf_protein" && f.result === "elevated") {
      items.push({
        finding: i,
        label: "CSF protein raised",
        p: (view) =>
          view.diffuse === "polyradiculopathy" || CAUDA.has(view.diffuse)
            ? v(csfProtein.elevated.intraspinalRoots)
            : anyAt(view, "root") || anyAt(view, "plexus")
              ? v(csfProtein.elevated.rootOrPlexus)
              : v(csfProtein.elevated.background),
      });
    }
  });
  items.push(...bedsideItems(c));
  const symptoms = c.context?.symptoms ?? [];
  const sphincterWords = symptoms.filter(
    (s) => s === "bladder_dysfunction" || s === "bowel_dysfunction" || s === "urinary_retention",
  );
  if (sphincterWords.length) {
    items.push({
      finding: -1,
      label: sphincterWords.join(" and ").replaceAll("_", " "),
      p: (view) => (sacralBothSides(view) ? v(sphincter.withSacralBilateral) : v(sphincter.background)),
    });
  }
  return items;
}
