/**
 * Nerve conduction tables as EMG machines print them:
 *
 *   Motor NCS
 *   Nerve / Sites     Rec. Site   Lat ms   Amp mV   Dist cm   Vel m/s
 *   L Peroneal - EDB
 *     Ankle           EDB         4.2      3.1      8
 *     B Fib Head      EDB         11.0     2.9      30        44
 *
 * A study line (side, nerve, recording site) opens a study; the site lines under it (the
 * stimulation sites, distal first) give latency, amplitude and velocity, read by the column header
 * when there is one, by their units when written, else as latency, amplitude, velocity. The
 * recording site (EDB, AH) names the study, not a needled muscle. The study's finding takes the
 * distal site's latency and amplitude, the first velocity, and a result: absent ("NR"); block
 * (FORMAT v1.1) when the amplitude falls between two sites by CONDUCTION_BLOCK_DROP, with the
 * stretch as its segment; reduced below the atlas's lower limit; slowed below NCS_VELOCITY_LLN;
 * else normal.
 */
import { getAtlas } from "../../atlas/index.js";
import type { NcsFinding } from "../../case/schema.js";
import type { Doc } from "../doc.js";
import type { Side } from "../laterality.js";
import type { Unit } from "../sentences.js";
import { CONDUCTION_BLOCK_DROP, DEMYELINATING_VELOCITY, NCS_VELOCITY_LLN } from "../sources.js";

/** The stretch between two stimulation sites, in the site words the atlas reads. */
function segmentWords(distal: string, proximal: string): string {
  const both = `${distal} ${proximal}`;
  if (/fib|\bFH\b/i.test(both)) return "fibular head";
  if (/knee|pop/i.test(both)) return "across the knee";
  if (/inguinal|groin/i.test(both)) return "inguinal ligament";
  return `${distal} to ${proximal}`;
}

/**
 * The first pair of adjacent sites whose proximal amplitude falls by the block fraction, if any:
 * the stretch between them and the proximal site (whose velocity is the one across the block).
 */
function blockIn(study: string, sites: SiteRow[]): { segment: string; proximal: SiteRow } | undefined {
  const drop = CONDUCTION_BLOCK_DROP.fraction[study as keyof typeof CONDUCTION_BLOCK_DROP.fraction];
  if (drop === undefined) return undefined;
  for (let i = 1; i < sites.length; i++) {
    const a = sites[i - 1] as SiteRow;
    const b = sites[i] as SiteRow;
    if (a.amp === undefined || a.amp <= 0) continue;
    const pAmp = b.absent ? 0 : b.amp;
    if (pAmp !== undefined && pAmp <= a.amp * (1 - drop))
      return { segment: segmentWords(a.site, b.site), proximal: b };
  }
  return undefined;
}

const SECTION =
  /^\s*(motor|sensory|anti-?dromic sensory|ortho-?dromic sensory|F[- ]?(?:waves?|responses?))\b[^0-9]{0,40}$/i;
const COLUMNS = /\b(lat(?:ency)?|DL|onset|peak|amp(?:litude)?|vel(?:ocity)?|CV|NCV|dist(?:ance)?)\b/gi;
export const NERVE =
  "(superficial (?:peroneal|fibular)|sup\\.? (?:peroneal|fibular)|deep (?:peroneal|fibular)|(?:common )?(?:peroneal|fibular)|tibial|sural|saphenous|femoral|medial plantar|lat(?:eral)? femoral cutaneous|LFCN?)";
const STUDY = new RegExp(
  `^\\s*(?:(left|right|lt\\.?|rt\\.?|L|R)\\s+)?${NERVE}(?:\\s+(motor|sensory|mot|sens))?\\s*(?:[-\\u2013(/]\\s*)?(EDB|AH|AHB|TA|tib(?:ialis)? ant\\w*|abd(?:uctor)? hall\\w*|ext(?:ensor)? dig\\w* brev\\w*|quad\\w*|VM|rectus femoris|calf|(?:post(?:erior)?\\.? |med(?:ial)?\\.? )?ankle|lat(?:eral)? mall\\w*|dorsum|foot|thigh|leg)?\\)?\\s*(?:\\((motor|sensory)\\))?\\s*$`,
  "i",
);
/** A stimulation site at the start of a line. */
export const SITE_NAME =
  /^\s*((?:b(?:elow)?\.?\s*|a(?:bove)?\.?\s*)?fib(?:ular)?\.?\s*(?:head|neck)|(?:b|a)\s*FH|(?:lat(?:eral)?\.?\s*)?knee|(?:lat(?:eral)?\.?\s*)?pop(?:liteal)?\.?(?:\s*fossa)?|(?:med(?:ial)?\.?\s*|post(?:erior)?\.?\s*)?ankle|calf|mid[- ]?calf|lat(?:eral)?\.?\s*mall\w*|med(?:ial)?\.?\s*mall\w*|dorsum|thigh|groin|inguinal(?: lig\w*)?|sole|leg)\b(?:\s*[-\u2013]\s*[A-Za-z. ]+?)?(?:\s+(?:EDB|AH|AHB|TA|calf|ankle|dorsum|foot))?\s+/i;
/** A value cell: a number with its unit, no response, or a dash. */
const VALUE = /(NR|N\/R|absent|no response|[-\u2013](?!\w)|\d+(?:\.\d+)?)\s*(ms|mV|uV|µV|m\/s|cm)?/gi;
/**
 * What else a site line may hold beside its values: the recording site, the name of a segment
 * ("Ankle-BFH", "BFH-Pop"), and how a latency was measured ("(peak)", "(onset)").
 */
const NOT_VALUES =
  /\b[A-Za-z]{1,12}\s*[-\u2013]\s*[A-Za-z]{1,12}\b|\b(?:EDB|AH|TA|calf|ankle|dorsum|foot)\b|\((?:peak|onset|p|o)\)/gi;
const ONLY_VALUES =
  /^(?:\s*(?:NR|N\/R|absent|no response|[-\u2013]|\d+(?:\.\d+)?)(?:\s*(?:ms|mV|uV|µV|m\/s|cm))?)+\s*$/i;

/** The site name and the value cells of a site line, or undefined when it is not one. */
function siteLine(line: string): { site: string; values: string } | undefined {
  const m = SITE_NAME.exec(line);
  if (!m) return undefined;
  const values = line.slice(m[0].length).replace(NOT_VALUES, " ");
  return ONLY_VALUES.test(values) ? { site: m[1] ?? "", values } : undefined;
}

export type Column = "lat" | "amp" | "vel" | "dist";

export interface SiteRow {
  site: string;
  absent: boolean;
  lat?: number;
  amp?: number;
  vel?: number;
}

/** Whether a line is part of a conduction table (for the sentence splitter). */
export function isNcsTableLine(line: string): boolean {
  return (
    STUDY.test(line) ||
    siteLine(line) !== undefined ||
    isColumnHeader(line) ||
    oneLineStudy(line) !== undefined
  );
}

/**
 * A study and its one site's values on one line, as sensory rows are printed
 * ("R sural sensory   Lateral malleolus   3.2   16 uV   47"): the study line and a site line.
 */
function oneLineStudy(line: string): { study: RegExpExecArray; values: string } | undefined {
  const at = /\s(?=\d|NR\b|N\/R\b)/.exec(line);
  if (!at) return undefined;
  const study = STUDY.exec(line.slice(0, at.index));
  if (!study) return undefined;
  const values = line.slice(at.index).replace(NOT_VALUES, " ");
  return ONLY_VALUES.test(values) ? { study, values } : undefined;
}

function isColumnHeader(line: string): boolean {
  const kinds = new Set([...line.matchAll(COLUMNS)].map((m) => columnOf(m[1] ?? "")));
  return kinds.size >= 2 && !/\d\.\d/.test(line);
}

export function columnOf(w: string): Column {
  const s = w.toLowerCase();
  if (/^(lat|onset|peak|dl$)/.test(s)) return "lat";
  if (/^amp/.test(s)) return "amp";
  if (/^dist/.test(s)) return "dist";
  return "vel";
}

/**
 * The cells of a site line by their units when written, else by the header's columns (or latency,
 * amplitude, velocity): a cell without a unit takes the column after the last one read, so a
 * proximal site without a latency ("4.6 mV  46") reads as amplitude and velocity.
 */
export function readSite(line: string, columns: Column[] | undefined): SiteRow | undefined {
  const m = siteLine(line);
  return m ? readValues(m.values, m.site, columns) : undefined;
}

export function readValues(values: string, siteName: string, columns: Column[] | undefined): SiteRow {
  const site = siteName.toLowerCase().replace(/\s+/g, " ");
  const row: SiteRow = { site, absent: false };
  const order: Column[] = columns ?? ["lat", "amp", "vel"];
  let next = 0;
  for (const c of values.matchAll(VALUE)) {
    const v = c[1] ?? "";
    if (/^(NR|N\/R|absent|no response)$/i.test(v)) {
      row.absent = true;
      next++;
      continue;
    }
    if (/^[-\u2013]$/.test(v)) {
      next++;
      continue;
    }
    const unit = (c[2] ?? "").toLowerCase();
    const col: Column | undefined =
      unit === "ms" ? "lat" : unit === "m/s" ? "vel" : unit === "cm" ? "dist" : unit ? "amp" : order[next];
    if (col) next = Math.max(next, order.indexOf(col)) + 1;
    if (col && col !== "dist") row[col] = Number(v);
  }
  return row;
}

export function studyId(nerve: string, type: "motor" | "sensory", rec: string): string | undefined {
  const n = nerve.toLowerCase();
  if (/sural/.test(n)) return "sural_sensory";
  if (/sup/.test(n)) return "superficial_peroneal_sensory";
  if (/saphenous/.test(n)) return "saphenous_sensory";
  if (/plantar/.test(n)) return "medial_plantar_sensory";
  if (/lat|lfc/.test(n)) return "lateral_femoral_cutaneous_sensory";
  if (/femoral/.test(n)) return "femoral_motor";
  if (/tibial/.test(n)) return type === "sensory" ? "medial_plantar_sensory" : "tibial_motor_ah";
  if (/peroneal|fibular/.test(n)) {
    if (type === "sensory") return "superficial_peroneal_sensory";
    return /^(TA|tib)/i.test(rec) ? "peroneal_motor_ta" : "peroneal_motor_edb";
  }
  return undefined;
}

export interface Open {
  study: string;
  side: Side | undefined;
  span: [number, number];
  sites: SiteRow[];
  end: number;
}

/** The side a cell or word names: "L", "Lt", "left" / "R", "Rt", "right". */
export function sideOf(w: string | undefined): Side | undefined {
  if (!w) return undefined;
  return /^l/i.test(w) ? "left" : /^r/i.test(w) ? "right" : undefined;
}

/** The finding of one study from its site rows. */
export function finish(doc: Doc, o: Open): void {
  const first = o.sites[0];
  if (!first) return;
  const normal = getAtlas().data.studies.find((s) => s.id === o.study)?.normal;
  const f: NcsFinding = { kind: "ncs", study: o.study, result: "normal" };
  if (first.absent) f.result = "absent";
  if (first.amp !== undefined) {
    f.amplitude = first.amp;
    if (normal?.unit) f.unit = normal.unit;
  }
  if (first.lat !== undefined) f.latency = first.lat;
  const vel = o.sites.find((s) => s.vel !== undefined)?.vel;
  if (vel !== undefined) f.velocity = vel;
  const block = first.absent ? undefined : blockIn(o.study, o.sites);
  if (block) {
    // A block between two sites of a response that is present distally (v1.1 `block`).
    f.result = "block";
    f.segment = block.segment;
    if (block.proximal.vel !== undefined) f.velocity = block.proximal.vel;
  } else if (!first.absent) {
    const lln = normal?.amplitudeLln;
    const low = first.amp !== undefined && lln !== undefined && first.amp < lln;
    f.result = velocityVerdict(o.study, low ? "reduced" : "normal", vel);
  }
  if (o.side) f.side = o.side;
  doc.add(f, [[o.span[0], o.end]], 0.85);
}

/** The late response of a nerve: "F" (or a section of F waves) or "H". */
export function lateStudy(nerve: string, which: string): string | undefined {
  const h = /^h/i.test(which);
  if (/tibial/i.test(nerve)) return h ? "tibial_h_reflex" : "tibial_f_wave";
  if (/peroneal|fibular/i.test(nerve) && !h) return "peroneal_f_wave";
  return undefined;
}

/**
 * A late response from its latency and "NR": prolonged beyond `uln` (the upper limit the report
 * writes beside it, else the atlas's), else normal.
 */
export function finishLate(doc: Doc, o: Open, uln?: number): void {
  const site = o.sites[0];
  if (!site) return;
  const f: NcsFinding = { kind: "ncs", study: o.study, result: site.absent ? "absent" : "normal" };
  if (!site.absent && site.lat !== undefined) f.latency = site.lat;
  else if (!site.absent && site.amp !== undefined) f.latency = site.amp;
  if (uln !== undefined && f.latency !== undefined && f.latency > uln) f.result = "prolonged";
  if (o.side) f.side = o.side;
  doc.add(f, [[o.span[0], o.end]], 0.85);
}

const isLate = (study: string) => /_(f_wave|h_reflex)$/.test(study);

/**
 * A motor study's result with its velocity: below the lower limit it is slowed, unless the
 * amplitude is already reduced; in the demyelinating range it is slowed even then (the slowing is
 * what the study shows; DEMYELINATING_VELOCITY).
 */
export function velocityVerdict(
  study: string,
  result: "reduced" | "normal",
  vel: number | undefined,
): "reduced" | "normal" | "slowed" {
  const lln = NCS_VELOCITY_LLN.mps[study as keyof typeof NCS_VELOCITY_LLN.mps];
  if (vel === undefined || lln === undefined || vel >= lln) return result;
  if (result === "normal" || vel <= lln * DEMYELINATING_VELOCITY.fractionOfLln) return "slowed";
  return result;
}

/** Read the conduction tables of a note: study lines and the site lines under them. */
export function readNcsTables(doc: Doc, done: ReadonlySet<Unit> = new Set()): void {
  let type: "motor" | "sensory" | "f_wave" = "motor";
  let columns: Column[] | undefined;
  let open: Open | undefined;
  const close = () => {
    if (open && isLate(open.study)) finishLate(doc, open, latencyUln(open.study));
    else if (open) finish(doc, open);
    open = undefined;
  };
  for (const u of doc.patient) {
    if (done.has(u)) continue;
    const line = u.text;
    const section = SECTION.exec(line);
    if (section && !STUDY.test(line)) {
      close();
      type = /sens/i.test(section[1] ?? "") ? "sensory" : /^F/i.test(section[1] ?? "") ? "f_wave" : "motor";
      if (isColumnHeader(line)) columns = headerColumns(line);
      continue;
    }
    if (isColumnHeader(line) && !siteLine(line)) {
      columns = headerColumns(line);
      continue;
    }
    const one = oneLineStudy(line);
    const s = STUDY.exec(line) ?? one?.study;
    if (s) {
      close();
      const t = /sens/i.test(s[3] ?? s[5] ?? "")
        ? "sensory"
        : /mot/i.test(s[3] ?? s[5] ?? "")
          ? "motor"
          : type;
      // Under a section of F waves a nerve's line is its F wave ("F waves" then "R tibial 62.1 ms").
      const study = t === "f_wave" ? lateStudy(s[2] ?? "", "F") : studyId(s[2] ?? "", t, s[4] ?? "");
      if (study)
        open = {
          study,
          side: sideOf(s[1]) ?? doc.headerSide(u),
          span: [u.start, u.end],
          sites: [],
          end: u.end,
        };
      if (open && one) open.sites.push(readValues(one.values, s[4] ?? "", columns));
      continue;
    }
    const row = open ? readSite(line, columns) : undefined;
    if (open && row) {
      open.sites.push(row);
      open.end = u.end;
      continue;
    }
    if (!isRowUnit(u)) close();
  }
  close();
}

const isRowUnit = (u: Unit) => u.row;

const latencyUln = (study: string) => getAtlas().data.studies.find((s) => s.id === study)?.normal?.latencyUln;

function headerColumns(line: string): Column[] {
  return [...line.matchAll(COLUMNS)]
    .map((m) => columnOf(m[1] ?? ""))
    .filter((c, i, all) => all.indexOf(c) === i);
}
