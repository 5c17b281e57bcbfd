import type { Source } from "../../atlas/types.js";

/**
 * Sources the planner adds beside the atlas table (src/atlas/data/sources.ts) and the
 * differential's (src/differential/data/sources.ts). A planner datum's `sources` are keys into any
 * of the three (src/plan/sources.test.ts checks that each resolves).
 */
export const planSources = {
  emgPain2014: {
    title: "Electromyography-related pain: muscle selection is the key modifiable study characteristic",
    authors: "(authors not confirmed here)",
    year: 2014,
    published: "Muscle & Nerve 49(4):570-574",
    url: "https://doi.org/10.1002/mus.23974",
    kind: "article",
  },
  vroomen2000: {
    title:
      "Consistency of history taking and physical examination in patients with suspected lumbar nerve root involvement",
    authors: "Vroomen PCAJ, de Krom MCTFM, Knottnerus JA",
    year: 2000,
    published: "Spine 25(1):91-96",
    url: "https://journals.lww.com/spinejournal/Abstract/2000/01010/Consistency_of_History_Taking_and_Physical.16.aspx",
    kind: "article",
  },
  savage2014: {
    title: "Inter-rater reliability of needle electromyographic findings in patients with sciatica",
    authors: "Savage NJ, Fritz JM, Nielsen RP, Fraser J",
    year: 2014,
    published: "Journal of Pain & Relief 3:159",
    url: "https://doi.org/10.4172/2167-0846.1000159",
    kind: "article",
  },
  blaivas1981: {
    title: "The bulbocavernosus reflex in urology: a prospective study of 299 patients",
    authors: "Blaivas JG, Zayed AA, Labib KB",
    year: 1981,
    published: "Journal of Urology 126(2):197-199",
    kind: "article",
  },
  larnerSigns: {
    title: "A Dictionary of Neurological Signs (entry: anal reflex)",
    authors: "Larner AJ",
    year: 2011,
    published: "Springer, 3rd edition",
    url: "https://www.minclinic.ru/Dictionary_of_Neurological_Signs/A/Anal%20Reflex.html",
    kind: "textbook",
  },
  statpearlsCremasteric: {
    title: "Physiology, Cremasteric Reflex",
    authors: "StatPearls",
    year: 2023,
    published: "StatPearls Publishing",
    url: "https://statpearls.com/articlelibrary/viewarticle/20110",
    kind: "review",
  },
} as const satisfies Record<string, Source>;
