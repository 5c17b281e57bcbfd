import type { Source } from "../../atlas/types.js";

/**
 * The sources the differential cites, in the atlas's Source shape. `year` is left out only for
 * the two seed reports whose stored copies carry no date. Facts come from these; the wording in
 * the catalogue is our own. URLs are given only where they were confirmed.
 */
export type DifferentialSource = Omit<Source, "year"> & { year?: number };

export const sources = {
  // ---- the seed case reports (cases/seeds)
  seedSaini2021: {
    title:
      "L3 radiculopathy from an extraforaminal L3/L4 disc presenting as focal lower-limb myositis (denervation-related muscle oedema): case report [seed 000]",
    authors: "Saini et al.",
    year: 2021,
    published: "BJR Case Reports 7:20200126",
    kind: "article",
  },
  seedChang2017: {
    title:
      "Neuralgic amyotrophy in the lower extremity diagnosed with gadolinium-enhanced lumbar magnetic resonance imaging: a case report [seed 001]",
    authors: "Chang MC",
    year: 2017,
    published: "Neurology Asia 22(4):377-379",
    kind: "article",
  },
  seedAmssm: {
    title:
      "Not just another case of sciatica: idiopathic lumbosacral plexus neuropathy of the femoral territory [seed 002]",
    authors: "American Medical Society for Sports Medicine, case studies",
    published: "AMSSM case study (stored copy carries no date)",
    kind: "article",
  },
  seedNmh2016: {
    title: "Neurogenic muscle hypertrophy: a case report [seed 003]",
    authors: "Korean Journal of Pain case report",
    year: 2016,
    published: "Korean Journal of Pain 29:270-273",
    kind: "article",
  },
  seedPerineural: {
    title:
      "Perineural spread of cervical cancer to the lumbosacral plexus and sciatic nerve shown by electromyography and ultrasonography, confirmed by MRI and FDG PET/CT [seed 004]",
    authors: "case report (authors not in the stored copy)",
    published: "stored copy carries no journal or date",
    kind: "article",
  },
  // ---- plexus and radiculoplexus neuropathies
  dyck2014: {
    title: "Lumbosacral plexopathy",
    authors: "Dyck PJB, Thaisetthawatkul P",
    year: 2014,
    published: "Continuum (Minneapolis) 20(5):1343-1358",
    url: "https://doi.org/10.1212/01.CON.0000455877.60932.d3",
    kind: "review",
  },
  dyck2002: {
    title:
      "Diabetic and nondiabetic lumbosacral radiculoplexus neuropathies: new insights into pathophysiology and treatment",
    authors: "Dyck PJB, Windebank AJ",
    year: 2002,
    published: "Muscle & Nerve 25:477-491",
    url: "https://doi.org/10.1002/mus.10080",
    kind: "review",
  },
  vanEijk2016: {
    title: "Neuralgic amyotrophy: an update on diagnosis, pathophysiology, and treatment",
    authors: "van Eijk JJJ, Groothuis JT, van Alfen N",
    year: 2016,
    published: "Muscle & Nerve 53:337-350",
    kind: "review",
  },
  vanAlfen2006: {
    title: "The clinical spectrum of neuralgic amyotrophy in 246 cases",
    authors: "van Alfen N, van Engelen BGM",
    year: 2006,
    published: "Brain 129:438-450",
    kind: "article",
  },
  jaeckle1985: {
    title: "The natural history of lumbosacral plexopathy in cancer",
    authors: "Jaeckle KA, Young DF, Foley KM",
    year: 1985,
    published: "Neurology 35:8-15",
    kind: "article",
  },
  thomas1985: {
    title: "Differential diagnosis between radiation and tumor plexopathy of the pelvis",
    authors: "Thomas JE, Cascino TL, Earle JD",
    year: 1985,
    published: "Neurology 35:1-7",
    kind: "article",
  },
  lee2022: {
    title:
      "Lumbosacral plexopathy caused by the perineural spread of pelvic malignancies: clinical aspects and imaging patterns",
    authors: "Lee BC, Kim SW, Kim DH, Yoon YC, Kim CK, Sung DH",
    year: 2022,
    published: "Acta Neurochirurgica 164:1509-1519",
    url: "https://doi.org/10.1007/s00701-022-05194-x",
    kind: "article",
  },
  statpearlsNlp: {
    title: "Neoplastic Lumbosacral Plexopathy",
    authors: "StatPearls (NCBI Bookshelf)",
    year: 2024,
    published: "StatPearls Publishing",
    kind: "review",
  },
  statpearlsLsp: {
    title: "Lumbosacral Plexopathy",
    authors: "StatPearls (NCBI Bookshelf)",
    year: 2023,
    published: "StatPearls Publishing",
    kind: "review",
  },
  delanian2012: {
    title: "Radiation-induced neuropathy in cancer survivors",
    authors: "Delanian S, Lefaix JL, Pradat PF",
    year: 2012,
    published: "Radiotherapy and Oncology 105:273-282",
    kind: "review",
  },
  katirji2002ob: {
    title: "Intrapartum maternal lumbosacral plexopathy",
    authors: "Katirji B, Wilbourn AJ, Scarberry SL, Preston DC",
    year: 2002,
    published: "Muscle & Nerve 26:340-347",
    kind: "article",
  },
  // ---- spine
  wilbourn1998: {
    title: "AAEM minimonograph 32: the electrodiagnostic examination in patients with radiculopathies",
    authors: "Wilbourn AJ, Aminoff MJ",
    year: 1998,
    published: "Muscle & Nerve 21:1612-1631",
    url: "https://doi.org/10.1002/(SICI)1097-4598(199812)21:12<1612::AID-MUS2>3.0.CO;2-0",
    kind: "monograph",
  },
  levin2002: {
    title: "Electrodiagnostic approach to the patient with suspected radiculopathy",
    authors: "Levin KH",
    year: 2002,
    published: "Neurologic Clinics 20:397-421",
    url: "https://doi.org/10.1016/S0733-8619(01)00003-7",
    kind: "review",
  },
  brinjikji2015: {
    title:
      "Systematic literature review of imaging features of spinal degeneration in asymptomatic populations",
    authors: "Brinjikji W, Luetmer PH, Comstock B, et al.",
    year: 2015,
    published: "American Journal of Neuroradiology 36:811-816",
    url: "https://doi.org/10.3174/ajnr.A4173",
    kind: "review",
  },
  deville2000: {
    title: "The test of Lasègue: systematic review of the accuracy in diagnosing herniated discs",
    authors: "Devillé WL, van der Windt DA, Dzaferagić A, Bezemer PD, Bouter LM",
    year: 2000,
    published: "Spine 25:1140-1147",
    kind: "review",
  },
  katz2008: {
    title: "Clinical practice. Lumbar spinal stenosis",
    authors: "Katz JN, Harris MB",
    year: 2008,
    published: "New England Journal of Medicine 358:818-825",
    kind: "review",
  },
  finucane2020: {
    title: "International framework for red flags for potential serious spinal pathologies",
    authors: "Finucane LM, Downie A, Mercer C, Greenhalgh SM, et al.",
    year: 2020,
    published: "Journal of Orthopaedic & Sports Physical Therapy 50:350-372",
    kind: "guideline",
  },
  todd2017: {
    title:
      "Guidelines for cauda equina syndrome. Red flags and white flags. Systematic review and implications for triage",
    authors: "Todd NV",
    year: 2017,
    published: "British Journal of Neurosurgery 31:336-339",
    kind: "review",
  },
  darouiche2006: {
    title: "Spinal epidural abscess",
    authors: "Darouiche RO",
    year: 2006,
    published: "New England Journal of Medicine 355:2012-2020",
    kind: "review",
  },
  sejvar2011: {
    title:
      "Guillain-Barré syndrome and Fisher syndrome: case definitions and guidelines for collection, analysis, and presentation of immunization safety data (Brighton Collaboration)",
    authors: "Sejvar JJ, Kohl KS, Gidudu J, et al.",
    year: 2011,
    published: "Vaccine 29:599-612",
    kind: "guideline",
  },
  asbury1990: {
    title: "Assessment of current diagnostic criteria for Guillain-Barré syndrome",
    authors: "Asbury AK, Cornblath DR",
    year: 1990,
    published: "Annals of Neurology 27 Suppl:S21-S24",
    kind: "guideline",
  },
  fraser2009: {
    title: "Cauda equina syndrome: a literature review of its definition and clinical presentation",
    authors: "Fraser S, Roberts L, Murphy E",
    year: 2009,
    published: "Archives of Physical Medicine and Rehabilitation 90:1964-1968",
    kind: "review",
  },
  greenhalgh2018: {
    title: "Assessment and management of cauda equina syndrome",
    authors: "Greenhalgh S, Finucane L, Mercer C, Selfe J",
    year: 2018,
    published: "Musculoskeletal Science and Practice 37:69-74",
    kind: "review",
  },
  rutherford1997: {
    title: "Recommended standards for reports dealing with lower extremity ischemia: revised version",
    authors: "Rutherford RB, Baker JD, Ernst C, et al.",
    year: 1997,
    published: "Journal of Vascular Surgery 26:517-538",
    kind: "guideline",
  },
  bjorck2020: {
    title:
      "European Society for Vascular Surgery (ESVS) 2020 clinical practice guidelines on the management of acute limb ischaemia",
    authors: "Björck M, Earnshaw JJ, Acosta S, et al.",
    year: 2020,
    published: "European Journal of Vascular and Endovascular Surgery 59:173-218",
    kind: "guideline",
  },
  kreppel2003: {
    title: "Spinal hematoma: a literature survey with meta-analysis of 613 patients",
    authors: "Kreppel D, Antoniadis G, Seeling W",
    year: 2003,
    published: "Neurosurgical Review 26:1-49",
    kind: "review",
  },
  loblaw1998: {
    title: "Emergency treatment of malignant extradural spinal cord compression: an evidence-based guideline",
    authors: "Loblaw DA, Laperriere NJ",
    year: 1998,
    published: "Journal of Clinical Oncology 16:1613-1624",
    kind: "guideline",
  },
  mcqueen2000: {
    title: "Acute compartment syndrome: who is at risk?",
    authors: "McQueen MM, Gaston P, Court-Brown CM",
    year: 2000,
    published: "Journal of Bone and Joint Surgery (British) 82:200-203",
    kind: "article",
  },
  jellema2006: {
    title:
      "Spinal dural arteriovenous fistulas: a congestive myelopathy that initially mimics a peripheral nerve disorder",
    authors: "Jellema K, Tijssen CC, van Gijn J",
    year: 2006,
    published: "Brain 129:3150-3164",
    kind: "review",
  },
  // ---- nerves
  katirji2002: {
    title: "Electrodiagnostic approach to the patient with suspected mononeuropathy of the lower extremity",
    authors: "Katirji B",
    year: 2002,
    published: "Neurologic Clinics 20:479-501",
    url: "https://doi.org/10.1016/S0733-8619(01)00007-4",
    kind: "review",
  },
  stewart2010: {
    title: "Focal Peripheral Neuropathies",
    authors: "Stewart JD",
    year: 2010,
    published: "4th ed. JBJ Publishing",
    kind: "textbook",
  },
  preston2020: {
    title:
      "Electromyography and Neuromuscular Disorders: Clinical-Electrophysiologic-Ultrasound Correlations",
    authors: "Preston DC, Shapiro BE",
    year: 2020,
    published: "4th ed. Elsevier",
    kind: "textbook",
  },
  brazis2022: {
    title: "Localization in Clinical Neurology",
    authors: "Brazis PW, Masdeu JC, Biller J",
    year: 2022,
    published: "8th ed. Wolters Kluwer",
    kind: "textbook",
  },
  spinner2003: {
    title: "Peroneal intraneural ganglia: the importance of the articular branch. Clinical series",
    authors: "Spinner RJ, Atkinson JL, Tiel RL",
    year: 2003,
    published: "Journal of Neurosurgery 99:319-329",
    kind: "article",
  },
  england2009: {
    title:
      "Practice parameter: evaluation of distal symmetric polyneuropathy: role of laboratory and genetic testing (an evidence-based review)",
    authors: "England JD, Gronseth GS, Franklin G, et al. (AAN, AANEM, AAPM&R)",
    year: 2009,
    published: "Neurology 72:185-192",
    kind: "guideline",
  },
  vandenbergh2021: {
    title:
      "European Academy of Neurology/Peripheral Nerve Society guideline on diagnosis and treatment of chronic inflammatory demyelinating polyradiculoneuropathy: report of a joint Task Force, second revision",
    authors: "Van den Bergh PYK, van Doorn PA, Hadden RDM, et al.",
    year: 2021,
    published: "European Journal of Neurology 28:3556-3583",
    kind: "guideline",
  },
  england2005: {
    title: "Distal symmetric polyneuropathy: a definition for clinical research",
    authors: "England JD, Gronseth GS, Franklin G, et al.",
    year: 2005,
    published: "Neurology 64:199-207",
    kind: "guideline",
  },
  leonhard2019: {
    title: "Diagnosis and management of Guillain-Barré syndrome in ten steps",
    authors: "Leonhard SE, Mandarakas MR, Gondim FAA, et al.",
    year: 2019,
    published: "Nature Reviews Neurology 15:671-683",
    kind: "guideline",
  },
  brooks2000: {
    title: "El Escorial revisited: revised criteria for the diagnosis of amyotrophic lateral sclerosis",
    authors: "Brooks BR, Miller RG, Swash M, Munsat TL",
    year: 2000,
    published: "Amyotrophic Lateral Sclerosis and Other Motor Neuron Disorders 1:293-299",
    kind: "guideline",
  },
  // ---- muscle
  kamath2008: {
    title: "MRI appearance of muscle denervation",
    authors: "Kamath S, Venkatanarasimha N, Walsh MA, Hughes PM",
    year: 2008,
    published: "Skeletal Radiology 37:397-404",
    kind: "review",
  },
  trujillo2003: {
    title: "Diabetic muscle infarction: an underdiagnosed complication of long-standing diabetes",
    authors: "Trujillo-Santos AJ",
    year: 2003,
    published: "Diabetes Care 26:211-215",
    kind: "review",
  },
  mallick2004: {
    title: "Iliopsoas abscesses",
    authors: "Mallick IH, Thoufreeq MH, Rajendran TP",
    year: 2004,
    published: "Postgraduate Medical Journal 80:459-462",
    kind: "review",
  },
  zalewski2019: {
    title: "Characteristics of spontaneous spinal cord infarction and proposed diagnostic criteria",
    authors: "Zalewski NL, Rabinstein AA, Krecke KN, et al.",
    year: 2019,
    published: "JAMA Neurology 76:56-63",
    url: "https://doi.org/10.1001/jamaneurol.2018.2734",
    kind: "article",
  },
  // ---- mimics
  westhout2007: {
    title: "Central causes of foot drop: rare and underappreciated differential diagnoses",
    authors: "Westhout FD, Paré LS, Linskey ME",
    year: 2007,
    published: "Journal of Spinal Cord Medicine 30:62-66",
    kind: "review",
  },
  offierski1983: {
    title: "Hip-spine syndrome",
    authors: "Offierski CM, MacNab I",
    year: 1983,
    published: "Spine 8:316-321",
    kind: "article",
  },
  statpearlsAli: {
    title: "Acute Limb Ischemia",
    authors: "StatPearls (NCBI Bookshelf)",
    year: 2023,
    published: "StatPearls Publishing",
    kind: "review",
  },
  statpearlsPad: {
    title: "Peripheral Arterial Disease",
    authors: "StatPearls (NCBI Bookshelf)",
    year: 2023,
    published: "StatPearls Publishing",
    kind: "review",
  },
  statpearlsCompartment: {
    title: "Compartment Syndrome",
    authors: "StatPearls (NCBI Bookshelf)",
    year: 2023,
    published: "StatPearls Publishing",
    kind: "review",
  },
  // ---- added with the catalogue's textbook differentials (issue 17)
  dyckThomas2005: {
    title: "Peripheral Neuropathy",
    authors: "Dyck PJ, Thomas PK (eds)",
    year: 2005,
    published: "4th ed. Elsevier Saunders",
    kind: "textbook",
  },
  katirji2007: {
    title: "Electromyography in Clinical Practice: A Case Study Approach",
    authors: "Katirji B",
    year: 2007,
    published: "2nd ed. Mosby Elsevier",
    kind: "textbook",
  },
  gilden2000: {
    title: "Neurologic complications of the reactivation of varicella-zoster virus",
    authors: "Gilden DH, Kleinschmidt-DeMasters BK, LaGuardia JJ, Mahalingam R, Cohrs RJ",
    year: 2000,
    published: "New England Journal of Medicine 342:635-645",
    kind: "review",
  },
  zimmerli2010: {
    title: "Vertebral osteomyelitis",
    authors: "Zimmerli W",
    year: 2010,
    published: "New England Journal of Medicine 362:1022-1029",
    kind: "review",
  },
  stabler2013: {
    title: "Vitamin B12 deficiency",
    authors: "Stabler SP",
    year: 2013,
    published: "New England Journal of Medicine 368:149-160",
    kind: "review",
  },
  garakani2016: {
    title:
      "Neurologic, psychiatric, and other medical manifestations of nitrous oxide abuse: a systematic review of the case literature",
    authors: "Garakani A, Jaffe RJ, Savla D, et al.",
    year: 2016,
    published: "American Journal on Addictions 25:358-369",
    kind: "review",
  },
  collins2010: {
    title:
      "Peripheral Nerve Society guideline on the classification, diagnosis, investigation, and immunosuppressive therapy of non-systemic vasculitic neuropathy",
    authors: "Collins MP, Dyck PJB, Gronseth GS, et al.",
    year: 2010,
    published: "Journal of the Peripheral Nervous System 15:176-184",
    kind: "guideline",
  },
  rose2013: {
    title: "188th ENMC International Workshop: Inclusion Body Myositis",
    authors: "Rose MR; ENMC IBM Working Group",
    year: 2013,
    published: "Neuromuscular Disorders 23:1044-1055",
    kind: "guideline",
  },
  pareyson2009: {
    title: "Diagnosis, natural history, and management of Charcot-Marie-Tooth disease",
    authors: "Pareyson D, Marchesi C",
    year: 2009,
    published: "Lancet Neurology 8:654-667",
    kind: "review",
  },
  chance2006: {
    title:
      "Inherited focal, episodic neuropathies: hereditary neuropathy with liability to pressure palsies and hereditary neuralgic amyotrophy",
    authors: "Chance PF",
    year: 2006,
    published: "NeuroMolecular Medicine 8:159-174",
    kind: "review",
  },
  chamberlain2005: {
    title: "Neoplastic meningitis",
    authors: "Chamberlain MC",
    year: 2005,
    published: "Journal of Clinical Oncology 23:3605-3613",
    kind: "review",
  },
  mont2015: {
    title: "Nontraumatic osteonecrosis of the femoral head: where do we stand today? A ten-year update",
    authors: "Mont MA, Cherian JJ, Sierra RJ, Jones LC, Lieberman JR",
    year: 2015,
    published: "Journal of Bone and Joint Surgery (American) 97:1604-1627",
    kind: "review",
  },
  // ---- code systems
  icd10cm: {
    title: "ICD-10-CM Tabular List of Diseases and Injuries, FY2025/2026",
    authors: "National Center for Health Statistics; Centers for Medicare & Medicaid Services",
    year: 2025,
    published: "CDC/NCHS (public domain)",
    kind: "guideline",
  },
} satisfies Record<string, DifferentialSource>;

export type DifferentialSourceKey = keyof typeof sources;
