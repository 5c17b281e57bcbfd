import type { Source } from "../types.js";

/**
 * Every source the atlas cites. Facts are taken from these; the wording in the atlas is our own.
 * A URL is given only where it was confirmed (a DOI, PubMed or NCBI Bookshelf record); textbooks
 * carry none. StatPearls chapters are living documents: their year is the year Locus read them.
 */
const statpearls = "StatPearls Publishing, Treasure Island (FL), NCBI Bookshelf; updated continuously";

export const sources = {
  // ---- textbooks and monographs ----
  preston2020: {
    title:
      "Electromyography and Neuromuscular Disorders: Clinical-Electrophysiologic-Ultrasound Correlations",
    authors: "Preston DC, Shapiro BE",
    year: 2020,
    published: "4th ed. Elsevier (ISBN 9780323661805)",
    kind: "textbook",
  },
  aids2010: {
    title: "Aids to the Examination of the Peripheral Nervous System",
    authors: "Guarantors of Brain",
    year: 2010,
    published:
      "5th ed. Saunders Elsevier; after Medical Research Council Memorandum No. 45 (HMSO 1976), whose root charts it keeps",
    kind: "textbook",
  },
  kendall2005: {
    title: "Muscles: Testing and Function with Posture and Pain",
    authors: "Kendall FP, McCreary EK, Provance PG, Rodgers MM, Romani WA",
    year: 2005,
    published: "5th ed. Lippincott Williams & Wilkins",
    kind: "textbook",
  },
  grays2021: {
    title: "Gray's Anatomy: The Anatomical Basis of Clinical Practice",
    authors: "Standring S (ed.)",
    year: 2021,
    published: "42nd ed. Elsevier (published October 2020, dated 2021)",
    kind: "textbook",
  },
  stewart2010: {
    title: "Focal Peripheral Neuropathies",
    authors: "Stewart JD",
    year: 2010,
    published: "4th ed. JBJ Publishing, West Vancouver",
    kind: "textbook",
  },
  // ---- dermatome maps ----
  lee2008: {
    title: "An evidence-based approach to human dermatomes",
    authors: "Lee MWL, McPhee RW, Stringer MD",
    year: 2008,
    published: "Clinical Anatomy 21:363-373",
    url: "https://doi.org/10.1002/ca.20636",
    kind: "review",
  },
  keegan1948: {
    title: "The segmental distribution of the cutaneous nerves in the limbs of man",
    authors: "Keegan JJ, Garrett FD",
    year: 1948,
    published: "Anatomical Record 102:409-437",
    kind: "article",
  },
  foerster1933: {
    title: "The dermatomes in man",
    authors: "Foerster O",
    year: 1933,
    published: "Brain 56(1):1-39",
    kind: "article",
  },
  downs2011: {
    title: "Conflicting dermatome maps: educational and clinical implications",
    authors: "Downs MB, LaPorte C",
    year: 2011,
    published: "Journal of Orthopaedic & Sports Physical Therapy 41(6):427-434",
    kind: "review",
  },
  greenberg2003: {
    title: "The history of dermatome mapping",
    authors: "Greenberg SA",
    year: 2003,
    published: "Archives of Neurology 60(1):126-131",
    url: "https://doi.org/10.1001/archneur.60.1.126",
    kind: "review",
  },
  faleiros2009: {
    title: "L4-L5-S1 human dermatomes: clinical, electromyographical, imaging and surgical findings",
    authors: "Faleiros ATS, Resende LAL, Zanini MA, et al.",
    year: 2009,
    published: "Arquivos de Neuro-Psiquiatria 67(2A)",
    url: "http://www.scielo.br/scielo.php?script=sci_arttext&pid=S0004-282X2009000200017",
    kind: "article",
  },
  // ---- segmental (myotome) studies ----
  phillips1991: {
    title: "Electrophysiologic mapping of the segmental anatomy of the muscles of the lower extremity",
    authors: "Phillips LH, Park TS",
    year: 1991,
    published: "Muscle & Nerve 14(12):1213-1218",
    url: "https://pubmed.ncbi.nlm.nih.gov/1766452/",
    kind: "article",
  },
  liu2015: {
    title: "Accurate segmental motor innervation of human lower-extremity skeletal muscles",
    authors: "Liu et al.",
    year: 2015,
    published: "Acta Neurochirurgica 157(1):123-128",
    url: "https://pubmed.ncbi.nlm.nih.gov/25377383/",
    kind: "article",
  },
  esene2012: {
    title: "Diagnostic performance of the medial hamstring reflex in L5 radiculopathy",
    authors: "Esene IN, Meher A, Elzoghby MA, El-Bahy K, Kotb A, El-Hakim A",
    year: 2012,
    published: "Surgical Neurology International 3:104",
    url: "https://pubmed.ncbi.nlm.nih.gov/23087820/",
    kind: "article",
  },
  // ---- electrodiagnosis ----
  wilbourn1998: {
    title: "AAEM minimonograph 32: the electrodiagnostic examination in patients with radiculopathies",
    authors: "Wilbourn AJ, Aminoff MJ",
    year: 1998,
    published: "Muscle & Nerve 21(12):1612-1631",
    url: "https://doi.org/10.1002/(SICI)1097-4598(199812)21:12<1612::AID-MUS2>3.0.CO;2-0",
    kind: "monograph",
  },
  chen2016: {
    title:
      "Electrodiagnostic reference values for upper and lower limb nerve conduction studies in adult populations",
    authors: "Chen S, Andary M, Buschbacher R, Del Toro D, Smith B, So Y, Zimmermann K, Dillingham TR",
    year: 2016,
    published: "Muscle & Nerve 54(3):371-377",
    url: "https://doi.org/10.1002/mus.25203",
    kind: "article",
  },
  dillingham2000: {
    title: "Identifying lumbosacral radiculopathies: an optimal electromyographic screen",
    authors: "Dillingham TR, Lauder TD, Andary M, Kumar S, Pezzin LE, Stephens RT, Shannon S",
    year: 2000,
    published: "American Journal of Physical Medicine & Rehabilitation 79(6):496-503",
    url: "https://doi.org/10.1097/00002060-200011000-00002",
    kind: "article",
  },
  pezzin1999: {
    title: "Cervical radiculopathies: relationship between symptom duration and spontaneous EMG activity",
    authors: "Pezzin LE, Dillingham TR, Lauder TD, Andary M, Kumar S, Stephens RR, Shannon S",
    year: 1999,
    published: "Muscle & Nerve 22(10):1412-1418",
    url: "https://doi.org/10.1002/(SICI)1097-4598(199910)22:10<1412::AID-MUS11>3.0.CO;2-U",
    kind: "article",
  },
  katirji2002: {
    title: "Electrodiagnostic approach to the patient with suspected mononeuropathy of the lower extremity",
    authors: "Katirji B",
    year: 2002,
    published: "Neurologic Clinics 20(2):479-501",
    kind: "review",
  },
  levin2002: {
    title: "Electrodiagnostic approach to the patient with suspected radiculopathy",
    authors: "Levin KH",
    year: 2002,
    published: "Neurologic Clinics 20(2):397-421",
    kind: "review",
  },
  rayegani2011: {
    title:
      "Prevalence of accessory deep peroneal nerve in referred patients to an electrodiagnostic medicine clinic",
    authors: "Rayegani SM, Daneshtalab E, Bahrami MH, Eliaspour D, Raeissadat SA, Rezaei S, Babaee M",
    year: 2011,
    published: "Journal of Brachial Plexus and Peripheral Nerve Injury 6:3",
    url: "https://doi.org/10.1186/1749-7221-6-3",
    kind: "article",
  },
  // ---- age and normal values ----
  vrancken2006: {
    title: "The meaning of distal sensory loss and absent ankle reflexes in relation to age: a meta-analysis",
    authors: "Vrancken AFJE, Kalmijn S, Brugman F, Rinkel GJE, Notermans NC",
    year: 2006,
    published: "Journal of Neurology 253(5):578-589",
    url: "https://doi.org/10.1007/s00415-005-0064-0",
    kind: "review",
  },
  kong2009: {
    title: "Repeatability of nerve conduction measurements derived entirely by computer methods",
    authors: "Kong X, Lesser EA, Gozani SN",
    year: 2009,
    published: "BioMedical Engineering OnLine 8:33",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC2777171",
    kind: "article",
  },
  dorfman1997: {
    title: "AAEM minimonograph #47: normative data in electrodiagnostic medicine",
    authors: "Dorfman LJ, Robinson LR",
    year: 1997,
    published: "Muscle & Nerve 20(1):4-14",
    kind: "monograph",
  },
  waddell1980: {
    title: "Nonorganic physical signs in low-back pain",
    authors: "Waddell G, McCulloch JA, Kummel E, Venner RM",
    year: 1980,
    published: "Spine 5(2):117-125",
    kind: "article",
  },
  tawa2017: {
    title:
      "Accuracy of clinical neurological examination in diagnosing lumbo-sacral radiculopathy: a systematic literature review",
    authors: "Tawa N, Rhoda A, Diener I",
    year: 2017,
    published: "BMC Musculoskeletal Disorders 18:93",
    url: "https://doi.org/10.1186/s12891-016-1383-2",
    kind: "review",
  },
  tavee2014: {
    title:
      "Sural sensory nerve action potential, epidermal nerve fiber density, and quantitative sudomotor axon reflex in the healthy elderly",
    authors: "Tavee JO, Polston D, Zhou L, Shields RW, Butler RS, Levin KH",
    year: 2014,
    published: "Muscle & Nerve 49(4):564-569",
    url: "https://doi.org/10.1002/mus.23971",
    kind: "article",
  },
  taams2023: {
    title:
      "Age-related changes in neurologic examination and sensory nerve amplitude in the general population",
    authors: "Taams NE, Drenthen J, Hanewinckel R, Ikram MA, van Doorn PA",
    year: 2023,
    published: "Neurology 101(13):e1351-e1358",
    url: "https://doi.org/10.1212/WNL.0000000000207665",
    kind: "article",
  },
  // ---- tarsal tunnel anatomy ----
  yang2017: {
    title: "Fine dissection of the tarsal tunnel in 60 cases",
    authors: "Yang Y, Du ML, Fu YS, et al.",
    year: 2017,
    published: "Scientific Reports 7:46351",
    url: "https://www.nature.com/articles/srep46351",
    kind: "article",
  },
  kim2015: {
    title: "Branching patterns of medial and inferior calcaneal nerves around the tarsal tunnel",
    authors: "Kim BS, Choung PW, Kwon SW, Rhyu IJ, Kim DH",
    year: 2015,
    published: "Annals of Rehabilitation Medicine 39(1):52-55",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC4351495",
    kind: "article",
  },
  // ---- StatPearls (NCBI Bookshelf) ----
  statpearlsLumbosacralPlexopathy: {
    title: "Lumbosacral Plexopathy",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK556030/",
    kind: "review",
  },
  statpearlsLumbosacralRadiculopathy: {
    title: "Lumbosacral Radiculopathy",
    authors: "Alexander CE, Weisbrod LJ, Varacallo MA",
    year: 2025,
    published: statpearls,
    url: "https://pubmed.ncbi.nlm.nih.gov/28613587/",
    kind: "review",
  },
  statpearlsSciatic: {
    title: "Anatomy, Bony Pelvis and Lower Limb, Sciatic Nerve",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK482431/",
    kind: "review",
  },
  statpearlsFemoral: {
    title: "Anatomy, Bony Pelvis and Lower Limb, Femoral Nerve",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK556065/",
    kind: "review",
  },
  statpearlsThighNerves: {
    title: "Anatomy, Bony Pelvis and Lower Limb: Thigh Nerves",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK482225/",
    kind: "review",
  },
  statpearlsCommonFibular: {
    title: "Anatomy, Bony Pelvis and Lower Limb, Common Fibular (Peroneal) Nerve",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK532968/",
    kind: "review",
  },
  statpearlsTibial: {
    title: "Anatomy, Bony Pelvis and Lower Limb, Tibial Nerve",
    authors: "Desai SS, Cohen-Levy WB",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK537028/",
    kind: "review",
  },
  statpearlsPudendal: {
    title: "Anatomy, Abdomen and Pelvis, Pudendal Nerve",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK554736/",
    kind: "review",
  },
  statpearlsDermatomes: {
    title: "Anatomy, Skin, Dermatomes",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK535401/",
    kind: "review",
  },
  statpearlsReflexes: {
    title: "Deep Tendon Reflexes",
    authors: "StatPearls contributors",
    year: 2026,
    published: statpearls,
    url: "https://www.ncbi.nlm.nih.gov/books/NBK531502/",
    kind: "review",
  },
  // ---- imaging in people without symptoms, plexopathy ----
  jensen1994: {
    title: "Magnetic resonance imaging of the lumbar spine in people without back pain",
    authors: "Jensen MC, Brant-Zawadzki MN, Obuchowski N, Modic MT, Malkasian D, Ross JS",
    year: 1994,
    published: "New England Journal of Medicine 331(2):69-73",
    kind: "article",
  },
  brinjikji2015: {
    title:
      "Systematic literature review of imaging features of spinal degeneration in asymptomatic populations",
    authors: "Brinjikji W, Luetmer PH, Comstock B, et al.",
    year: 2015,
    published: "American Journal of Neuroradiology 36(4):811-816",
    url: "https://doi.org/10.3174/ajnr.A4173",
    kind: "review",
  },
  boden1990: {
    title: "Abnormal magnetic-resonance scans of the lumbar spine in asymptomatic subjects",
    authors: "Boden SD, Davis DO, Dina TS, Patronas NJ, Wiesel SW",
    year: 1990,
    published: "Journal of Bone and Joint Surgery (American) 72(3):403-408",
    url: "https://pubmed.ncbi.nlm.nih.gov/2312537/",
    kind: "article",
  },
  kalichman2009: {
    title: "Spinal stenosis prevalence and association with symptoms: the Framingham Study",
    authors: "Kalichman L, Cole R, Kim DH, Li L, Suri P, Guermazi A, Hunter DJ",
    year: 2009,
    published: "The Spine Journal 9(7):545-550",
    url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC3775665",
    kind: "article",
  },
  dyck2002: {
    title:
      "Diabetic and nondiabetic lumbosacral radiculoplexus neuropathies: new insights into pathophysiology and treatment",
    authors: "Dyck PJB, Windebank AJ",
    year: 2002,
    published: "Muscle & Nerve 25(4):477-491",
    url: "https://doi.org/10.1002/mus.10080",
    kind: "review",
  },
} satisfies Record<string, Source>;

export type KnownSourceKey = keyof typeof sources;
