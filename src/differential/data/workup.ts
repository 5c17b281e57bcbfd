import type { WorkupItem } from "../types.js";

/**
 * Tests and steps, each with what it settles and its sources. Lessons carry what the seed case
 * reports teach about reading the test. Conditions and red flags refer to these by id.
 */
export const workup: WorkupItem[] = [
  {
    id: "mri_spine_emergency",
    test: "MRI of the lumbosacral spine (and conus) today",
    why: "Sphincter, saddle or bilateral root signs can mean cauda equina or conus compression; outcome depends on decompressing before retention and complete saddle anaesthesia set in.",
    urgency: "emergency",
    sources: ["todd2017", "finucane2020"],
  },
  {
    id: "mri_lumbar_spine",
    test: "MRI of the lumbosacral spine",
    why: "Shows disc herniation, lateral recess, foraminal and canal stenosis; read the level and side against the root the examination and EMG point to.",
    lessons: [
      "Degenerative discs, bulges and stenosis are common in people without symptoms, and more so with age: count only a lesion at the level and on the side that can reach the affected root.",
      "A far-lateral (extraforaminal) disc compresses the exiting root of its level (L3/L4 compresses L3), not the traversing one; look beyond the foramen.",
      "A root block that fails does not refute the root as the source, and one that helps does not end the work-up.",
    ],
    urgency: "routine",
    sources: ["brinjikji2015", "levin2002", "seedSaini2021"],
  },
  {
    id: "mri_spine_gadolinium",
    test: "Gadolinium-enhanced MRI of the lumbosacral spine",
    why: "Root enhancement marks inflammation (neuralgic amyotrophy, radiculitis, Guillain-Barré) or leptomeningeal tumour when conventional sequences show no compression.",
    lessons: [
      "Conventional T2 sequences can be normal while the affected roots enhance with gadolinium; enhancement of the paraspinal muscles at the same levels reflects their denervation.",
    ],
    urgency: "routine",
    sources: ["seedChang2017", "dyck2014"],
  },
  {
    id: "mri_cord",
    test: "MRI of the thoracic cord and conus (T2, gadolinium), then spinal angiography if flow voids are seen",
    why: "Upper motor neuron signs, a sensory level or a bilateral progressive picture put the lesion in the cord: compression, dural arteriovenous fistula (cord oedema with dorsal flow voids), tumour or myelitis.",
    lessons: [
      "A dural arteriovenous fistula first mimics a polyradiculopathy or lumbar stenosis; steroid injections and spine surgery for a presumed radiculopathy delay the diagnosis while the cord is damaged.",
    ],
    urgency: "urgent",
    sources: ["jellema2006"],
  },
  {
    id: "mri_plexus_gadolinium",
    test: "MRI of the lumbosacral plexus with gadolinium (MR neurography)",
    why: "Shows plexus enlargement, enhancement, a mass, a hematoma or perineural tumour spread along the pelvic nerves to the sciatic nerve.",
    lessons: [
      "Perineural tumour spread shows as thick, asymmetric, often linear enlargement of the plexus and sciatic nerve; radiation plexopathy tends to a thin, symmetric enhancement limited to the radiation field.",
      "A first MRI without a mass does not exclude tumour: repeat it, or add FDG PET/CT, when the pain keeps progressing.",
    ],
    urgency: "urgent",
    sources: ["seedPerineural", "lee2022", "dyck2014", "statpearlsNlp"],
  },
  {
    id: "mri_limb",
    test: "MRI of the limb muscles (STIR/T2 and T1) to stage denervation",
    why: "Shows which muscles are denervated, including ones the needle cannot reach: oedema in acute and subacute denervation, fatty change and atrophy when chronic; also shows myositis, infarction, masses and cysts.",
    lessons: [
      "Oedema confined to the muscles of one root or nerve is denervation until proved otherwise, not myositis: check CK and needle those muscles before treating myositis.",
      "Fatty change with an enlarged muscle in a chronically denervated territory is neurogenic (pseudo)hypertrophy, not a muscle disease.",
    ],
    urgency: "routine",
    sources: ["kamath2008", "seedSaini2021", "seedNmh2016"],
  },
  {
    id: "emg_radiculopathy",
    test: "Needle EMG with paraspinals and muscles of two or more nerves per root, with sural and superficial peroneal SNAPs",
    why: "Denervation in one root's muscles across different nerves, with paraspinal involvement and preserved SNAPs, places the lesion at the root; a reduced SNAP in the same territory moves it distal to the ganglion.",
    lessons: [
      "Fibrillations take about three weeks to appear in limb muscles (less in paraspinals); a study in the first weeks can be normal.",
      "Paraspinal muscles are normal in a share of true radiculopathies, and abnormal after spine surgery: their absence is not proof of a plexus lesion.",
    ],
    urgency: "routine",
    sources: ["wilbourn1998", "levin2002"],
  },
  {
    id: "emg_plexus",
    test: "EMG/NCS for a plexopathy: paraspinals, muscles of several nerves of the lumbar and sacral plexus, sural, superficial peroneal, saphenous and lateral femoral cutaneous SNAPs; look for myokymic discharges",
    why: "Reduced SNAPs with spared paraspinals place the lesion in the plexus; myokymic discharges favour radiation injury over tumour.",
    lessons: [
      "Myokymia favours radiation plexopathy; its absence and pain as the leading complaint favour tumour.",
      "In diabetic and idiopathic radiculoplexus neuropathy the paraspinals are often denervated too: the lesion spans roots, plexus and nerves.",
    ],
    urgency: "routine",
    sources: ["thomas1985", "dyck2014", "dyck2002", "seedPerineural"],
  },
  {
    id: "emg_mononeuropathy",
    test: "Nerve conduction across the suspected site (e.g. peroneal motor to tibialis anterior and EDB across the fibular head) and needle EMG including the short head of biceps femoris and a non-peroneal L5 muscle",
    why: "Conduction block or focal slowing locates the lesion; a normal short head of biceps femoris and tibialis posterior separate a peroneal lesion at the knee from a sciatic or L5 lesion.",
    urgency: "routine",
    sources: ["katirji2002", "preston2020"],
  },
  {
    id: "ncs_polyneuropathy",
    test: "Bilateral sural and superficial peroneal sensory and peroneal/tibial motor conduction",
    why: "A length-dependent, symmetric loss of distal amplitudes confirms a polyneuropathy and tells axonal from demyelinating.",
    urgency: "routine",
    sources: ["england2005", "preston2020"],
  },
  {
    id: "emg_mnd",
    test: "EMG of three or more regions (including thoracic paraspinals) for active and chronic denervation and fasciculations",
    why: "Widespread lower motor neuron loss with normal sensory studies, beside upper motor neuron signs, supports motor neuron disease.",
    urgency: "routine",
    sources: ["brooks2000", "preston2020"],
  },
  {
    id: "nerve_ultrasound",
    test: "High-resolution nerve ultrasound along the suspected nerve",
    why: "Shows nerve enlargement, a ganglion cyst and its articular branch, a mass or a hematoma at the site the EMG points to; cheap and repeatable.",
    lessons: [
      "In a cancer patient an enlarged sciatic nerve on ultrasound, with an EMG picture of a sacral plexopathy, points to perineural spread before MRI confirms it.",
    ],
    urgency: "routine",
    sources: ["seedPerineural", "spinner2003", "preston2020"],
  },
  {
    id: "ct_abdomen_pelvis_emergency",
    test: "CT of the abdomen and pelvis now, with blood count and coagulation",
    why: "A femoral or lumbar plexus lesion in a patient on anticoagulants is a retroperitoneal (iliopsoas) hematoma until proved otherwise; it can also bleed enough to cause shock.",
    urgency: "emergency",
    sources: ["dyck2014", "stewart2010"],
  },
  {
    id: "fdg_pet_ct",
    test: "FDG PET/CT",
    why: "Finds active tumour along the plexus and nerves, and the primary or other metastases, when MRI is equivocal or the pain progresses.",
    urgency: "urgent",
    sources: ["seedPerineural", "lee2022", "statpearlsNlp"],
  },
  {
    id: "csf",
    test: "Lumbar puncture: CSF protein, cells, glucose and cytology",
    why: "Raised protein without cells supports Guillain-Barré or CIDP; cells and malignant cytology point to leptomeningeal tumour or infection; a normal CSF supports neuralgic amyotrophy over these.",
    urgency: "routine",
    sources: ["leonhard2019", "seedChang2017", "dyck2014"],
  },
  {
    id: "glucose_hba1c",
    test: "Fasting glucose and HbA1c",
    why: "Diabetes raises diabetic radiculoplexus neuropathy, polyneuropathy, mononeuropathies and muscle infarction; radiculoplexus neuropathy can be the presenting feature of type 2 diabetes.",
    urgency: "routine",
    sources: ["dyck2002", "england2005"],
  },
  {
    id: "ck",
    test: "Creatine kinase",
    why: "High in myositis, muscle infarction, compartment syndrome and ischaemia; normal or only mildly raised in denervation, which helps separate denervation oedema from myositis.",
    urgency: "routine",
    sources: ["seedSaini2021", "seedNmh2016", "trujillo2003"],
  },
  {
    id: "inflammatory_markers_cultures",
    test: "CRP, ESR, white cell count and blood cultures; gadolinium MRI of the spine",
    why: "Fever, immunosuppression or recent infection with back pain raises spinal epidural abscess or discitis, which needs imaging and antibiotics before deficits appear.",
    urgency: "emergency",
    sources: ["darouiche2006", "finucane2020"],
  },
  {
    id: "brain_imaging",
    test: "CT or MRI of the brain",
    why: "A painless foot drop with normal reflexes or brisk ones, no sensory loss and a normal EMG in the weak muscles can come from a parasagittal lesion: infarct, hemorrhage or meningioma.",
    urgency: "urgent",
    sources: ["westhout2007"],
  },
  {
    id: "vascular_assessment",
    test: "Pulses, ankle-brachial index and arterial duplex or CT angiography",
    why: "Pain on walking relieved by standing still, absent pulses, or a cold pale leg point to arterial disease; acute ischaemia needs revascularisation within hours.",
    urgency: "urgent",
    sources: ["statpearlsPad", "statpearlsAli"],
  },
  {
    id: "compartment_pressure",
    test: "Compartment pressure measurement and surgical review",
    why: "Pain out of proportion, pain on passive stretch and a tense compartment need fasciotomy before muscle and nerve die.",
    urgency: "emergency",
    sources: ["statpearlsCompartment"],
  },
  {
    id: "hip_imaging",
    test: "Hip examination (internal rotation), radiograph or MRI of the hip; consider a diagnostic hip injection",
    why: "Hip disease refers pain to the groin, thigh and knee and can mimic an upper lumbar radiculopathy; it often coexists with lumbar stenosis.",
    urgency: "routine",
    sources: ["offierski1983"],
  },
  {
    id: "muscle_biopsy",
    test: "Muscle biopsy of an affected muscle (guided by MRI)",
    why: "Needed when CK is high, EMG is myopathic or the MRI picture is not confined to one nerve or root's muscles.",
    urgency: "routine",
    sources: ["kamath2008", "preston2020"],
  },
];

export const workupById: ReadonlyMap<string, WorkupItem> = new Map(workup.map((w) => [w.id, w]));
