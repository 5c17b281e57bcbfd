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
import { CONDUCTION_BLOCK_DROP, NCS_VELOCITY_LLN } from "../sources.js";

/** The stretch between two stimulation sites, in the site words the atlas reads. */
function segmentWords(distal: string, proximal: string): string {
  const both = `${distal} ${proximal}`;
  if (/fib|\bFH\b/i.test(both)) return "fibular head";
  if (/knee|pop/i.test(both)) return "across the knee";
  if (/inguinal|groin/i.test(both)) return "inguinal ligament";
  return `${distal} to ${proximal}`;
}

/** The first pair of adjacent sites whose proximal amplitude falls by the block fraction, if any. */
function blockIn(study: string, sites: SiteRow[]): string | undefined {
  const drop = CONDUCTION_BLOCK_DROP.fraction[study as keyof typeof CONDUCTION_BLOCK_DROP.fraction];
  if (drop === undefined) return undefined;
  for (let i = 1; i < sites.length; i++) {
    const a = sites[i - 1] as SiteRow;
    const b = sites[i] as SiteRow;
    if (a.amp === undefined || a.amp <= 0) continue;
    const pAmp = b.absent ? 0 : b.amp;
    if (pAmp !== undefined && pAmp <= a.amp * (1 - drop)) return segmentWords(a.site, b.site);
  }
  return undefined;
}

const SECTION = /^\s*(motor|sensory|anti-?dromic sensory|ortho-?dromic sensory|F[- ]?wave)\b[^0-9]{0,40}$/i;
const COLUMNS = /\b(lat(?:ency)?|onset|peak|amp(?:litude)?|vel(?:ocity)?|CV|NCV|dist(?:ance)?)\b/gi;
const NERVE =
  "(superficial (?:peroneal|fibular)|sup\\.? (?:peroneal|fibular)|deep (?:peroneal|fibular)|(?:common )?(?:peroneal|fibular)|tibial|sural|saphenous|femoral|medial plantar|lat(?:eral)? femoral cutaneous|LFCN?)";
const STUDY = new RegExp(
  `^\\s*(?:(left|right|lt\\.?|rt\\.?|L|R)\\s+)?${NERVE}(?:\\s+(motor|sensory|mot|sens))?\\s*(?:[-\\u2013(/]\\s*)?(EDB|AH|AHB|TA|tib(?:ialis)? ant\\w*|abd(?:uctor)? hall\\w*|ext(?:ensor)? dig\\w* brev\\w*|quad\\w*|VM|rectus femoris|calf|ankle|lat(?:eral)? mall\\w*|dorsum|foot|thigh|leg)?\\)?\\s*(?:\\((motor|sensory)\\))?\\s*$`,
  "i",
);
const SITE =
  /^\s*((?:b(?:elow)?\.?\s*|a(?:bove)?\.?\s*)?fib(?:ular)?\.?\s*head|(?:b|a)\s*FH|knee|pop(?:liteal)?\.?(?:\s*fossa)?|ankle|calf|mid[- ]?calf|lat(?:eral)?\.?\s*mall\w*|med(?:ial)?\.?\s*mall\w*|dorsum|thigh|groin|inguinal(?: lig\w*)?|sole|leg)\b(?:\s*[-\u2013]\s*[A-Za-z. ]+?)?(?:\s+(?:EDB|AH|AHB|TA|calf|ankle|dorsum|foot))?\s+((?:NR|N\/R|absent|no response|[-\u2013]|\d+(?:\.\d+)?)(?:\s*(?:ms|mV|uV|µV|m\/s|cm))?(?:\s+(?:NR|N\/R|[-\u2013]|\d+(?:\.\d+)?)(?:\s*(?:ms|mV|uV|µV|m\/s|cm))?|\s+(?:EDB|AH|TA|calf|ankle))*)\s*$/i;

type Column = "lat" | "amp" | "vel" | "dist";

export interface SiteRow {
  site: string;
  absent: boolean;
  lat?: number;
  amp?: number;
  vel?: number;
}

/** Whether a line is part of a conduction table (for the sentence splitter). */
export function isNcsTableLine(line: string): boolean {
  return STUDY.test(line) || SITE.test(line) || isColumnHeader(line);
}

function isColumnHeader(line: string): boolean {
  const kinds = new Set([...line.matchAll(COLUMNS)].map((m) => columnOf(m[1] ?? "")));
  return kinds.size >= 2 && !/\d\.\d/.test(line);
}

function columnOf(w: string): Column {
  const s = w.toLowerCase();
  if (/^(lat|onset|peak)/.test(s)) return "lat";
  if (/^amp/.test(s)) return "amp";
  if (/^dist/.test(s)) return "dist";
  return "vel";
}

/** The cells of a site line by the header's columns, their units, or the default order. */
export function readSite(line: string, columns: Column[] | undefined): SiteRow | undefined {
  const m = SITE.exec(line);
  if (!m) return undefined;
  const site = (m[1] ?? "").toLowerCase().replace(/\s+/g, " ");
  const cells = [
    ...(m[2] ?? "").matchAll(
      /(NR|N\/R|absent|no response|[-\u2013]|\d+(?:\.\d+)?)\s*(ms|mV|uV|µV|m\/s|cm)?/gi,
    ),
  ];
  const row: SiteRow = { site, absent: false };
  const order: Column[] = columns ?? ["lat", "amp", "vel"];
  cells.forEach((c, i) => {
    const v = c[1] ?? "";
    if (/^(NR|N\/R|absent|no response)$/i.test(v)) {
      row.absent = true;
      return;
    }
    if (/^[-\u2013]$/.test(v)) return;
    const unit = (c[2] ?? "").toLowerCase();
    const col: Column | undefined =
      unit === "ms" ? "lat" : unit === "m/s" ? "vel" : unit === "cm" ? "dist" : unit ? "amp" : order[i];
    if (col && col !== "dist") row[col] = Number(v);
  });
  return row;
}

function studyId(nerve: string, type: "motor" | "sensory", rec: string): string | undefined {
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

interface Open {
  study: string;
  side: Side | undefined;
  span: [number, number];
  sites: SiteRow[];
  end: number;
}

function sideOf(w: string | undefined): Side | undefined {
  if (!w) return undefined;
  return /^l/i.test(w) ? "left" : /^r/i.test(w) ? "right" : undefined;
}

/** The finding of one study from its site rows. */
function finish(doc: Doc, o: Open): void {
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
    f.segment = block;
  } else if (!first.absent) {
    const lln = normal?.amplitudeLln;
    const velLln = NCS_VELOCITY_LLN.mps[o.study as keyof typeof NCS_VELOCITY_LLN.mps];
    if (first.amp !== undefined && lln !== undefined && first.amp < lln) f.result = "reduced";
    else if (vel !== undefined && velLln !== undefined && vel < velLln) f.result = "slowed";
  }
  if (o.side) f.side = o.side;
  doc.add(f, [[o.span[0], o.end]], 0.85);
}

/** Read the conduction tables of a note: study lines and the site lines under them. */
export function readNcsTables(doc: Doc): void {
  let type: "motor" | "sensory" = "motor";
  let columns: Column[] | undefined;
  let open: Open | undefined;
  const close = () => {
    if (open) finish(doc, open);
    open = undefined;
  };
  for (const u of doc.patient) {
    const line = u.text;
    const section = SECTION.exec(line);
    if (section && !STUDY.test(line)) {
      close();
      type = /sens/i.test(section[1] ?? "") ? "sensory" : "motor";
      if (isColumnHeader(line)) columns = headerColumns(line);
      continue;
    }
    if (isColumnHeader(line) && !SITE.test(line)) {
      columns = headerColumns(line);
      continue;
    }
    const s = STUDY.exec(line);
    if (s) {
      close();
      const t = /sens/i.test(s[3] ?? s[5] ?? "")
        ? "sensory"
        : /mot/i.test(s[3] ?? s[5] ?? "")
          ? "motor"
          : type;
      const study = studyId(s[2] ?? "", t, s[4] ?? "");
      if (study)
        open = {
          study,
          side: sideOf(s[1]) ?? doc.headerSide(u),
          span: [u.start, u.end],
          sites: [],
          end: u.end,
        };
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

function headerColumns(line: string): Column[] {
  return [...line.matchAll(COLUMNS)]
    .map((m) => columnOf(m[1] ?? ""))
    .filter((c, i, all) => all.indexOf(c) === i);
}
