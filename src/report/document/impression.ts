/**
 * The impression in the standard words of an electrodiagnostic report (jablecki2005,
 * ginsberg2020): whether the study is normal, then where the lesion is, how severe, axonal or
 * demyelinating, and whether the denervation is active or chronic. The place comes from the
 * analysis's leading localization; the rest from the findings (character.ts). Nothing is said that
 * the findings do not show.
 */
import { DIFFUSE_LEVELS, type Lesion } from "../../case/schema.js";
import { lesionPhrase } from "../../differential/words.js";
import type { Analysis } from "../analyze.js";
import { pct } from "../words.js";
import type { EdxCharacter } from "./character.js";

/** A lesion named without sites (a polyneuropathy, an upper motor neuron lesion, none). */
const diffuse = (l: Lesion) =>
  l.sites.length === 0 || (DIFFUSE_LEVELS as readonly string[]).includes(l.level);

/** "a lesion of the right sacral plexus"; diffuse levels by their own name. */
export function placeWords(lesions: readonly Lesion[]): string {
  return lesions
    .map((l) => (diffuse(l) ? lesionPhrase(l) : `the ${lesionPhrase(l)}`))
    .join(" together with ");
}

function characterWords(x: EdxCharacter): string {
  const words = [x.severity, x.pathophysiology].filter((w) => w !== undefined);
  return words.length ? `${words.join(", ")} ` : "";
}

function denervationWords(x: EdxCharacter): string {
  switch (x.denervation) {
    case "active":
      return ", with active (ongoing) denervation and no chronic reinnervation";
    case "chronic":
      return ", with chronic reinnervation and no active denervation";
    case "active and chronic":
      return ", with both active denervation and chronic reinnervation";
    default:
      return "";
  }
}

function studyWords(x: EdxCharacter): string {
  if (!x.recorded)
    return "No nerve conduction or needle EMG results are recorded in this case: the impression rests on the examination, history and imaging.";
  return x.abnormal
    ? "Abnormal study."
    : "Normal study: the nerve conduction studies and muscles recorded are within normal limits.";
}

export function impression(a: Analysis, x: EdxCharacter): string[] {
  const out = [studyWords(x)];
  const why = a.differential.notEnough;
  const top = a.hypotheses[0];
  if (why || !top) {
    out.push(`Not enough to localize: ${why?.text ?? "no localization could be made"}`);
    return out;
  }
  const place = placeWords(top.lesions);
  const lesion = top.lesions.every(diffuse) ? "" : "a lesion of ";
  if (x.abnormal)
    out.push(
      `There is electrodiagnostic evidence of ${lesion ? `a ${characterWords(x)}lesion of ` : characterWords(x)}${place}${denervationWords(x)}.`,
    );
  else out.push(`The examination points to ${lesion}${place}.`);
  const second = a.hypotheses[1];
  out.push(
    `Locus gives this localization ${pct(top.probability)}${second ? `; the next, ${placeWords(second.lesions)}, ${pct(second.probability)}` : ""}.`,
  );
  if (a.undecided)
    out.push("The findings cannot tell the leading localizations apart; the recommendations below would.");
  return out;
}
