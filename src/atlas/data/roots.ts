import type { PlexusElement, Root } from "../types.js";

/** Lumbosacral roots. One definition each; the atlas instances them per side. */
export const roots: Root[] = [
  {
    id: "T12",
    name: "twelfth thoracic root",
    foramen: "T12-L1",
    note: "Adds a small share to the iliohypogastric nerve and quadratus lumborum.",
    sources: ["grays2021"],
  },
  {
    id: "L1",
    name: "first lumbar root",
    foramen: "L1-L2",
    note: "Groin and the top of the lumbar plexus.",
    sources: ["grays2021", "statpearlsThighNerves"],
  },
  {
    id: "L2",
    name: "second lumbar root",
    foramen: "L2-L3",
    note: "Hip flexion and adduction; anterior and medial thigh.",
    sources: ["grays2021", "statpearlsThighNerves"],
  },
  {
    id: "L3",
    name: "third lumbar root",
    foramen: "L3-L4",
    note: "Knee extension and hip adduction; medial thigh and knee.",
    sources: ["grays2021", "statpearlsLumbosacralRadiculopathy", "statpearlsThighNerves"],
  },
  {
    id: "L4",
    name: "fourth lumbar root",
    foramen: "L4-L5",
    note: "Splits: part joins the lumbar plexus (femoral, obturator), part joins L5 as the lumbosacral trunk.",
    sources: ["grays2021", "statpearlsLumbosacralRadiculopathy", "statpearlsLumbosacralPlexopathy"],
  },
  {
    id: "L5",
    name: "fifth lumbar root",
    foramen: "L5-S1",
    note: "Enters the sacral plexus through the lumbosacral trunk.",
    sources: ["grays2021", "statpearlsLumbosacralRadiculopathy", "statpearlsLumbosacralPlexopathy"],
  },
  {
    id: "S1",
    name: "first sacral root",
    foramen: "first sacral foramen",
    note: "Joins the sacral plexus directly.",
    sources: ["grays2021", "statpearlsLumbosacralRadiculopathy", "statpearlsLumbosacralPlexopathy"],
  },
  {
    id: "S2",
    name: "second sacral root",
    foramen: "second sacral foramen",
    note: "Sacral plexus and pudendal nerve.",
    sources: ["grays2021", "statpearlsLumbosacralPlexopathy"],
  },
  {
    id: "S3",
    name: "third sacral root",
    foramen: "third sacral foramen",
    note: "Pudendal nerve, perineum and sphincters.",
    sources: ["grays2021", "statpearlsLumbosacralPlexopathy"],
  },
  {
    id: "S4",
    name: "fourth sacral root",
    foramen: "fourth sacral foramen",
    note: "Pudendal nerve, perineum and sphincters.",
    sources: ["grays2021", "statpearlsLumbosacralPlexopathy"],
  },
];

/** The plexus elements between roots and named nerves. */
export const plexus: PlexusElement[] = [
  {
    id: "lumbar_plexus",
    name: "lumbar plexus",
    roots: ["T12", "L1", "L2", "L3", "L4"],
    divisions: [
      { id: "anterior", name: "anterior (ventral) divisions", nerves: ["obturator", "genitofemoral"] },
      {
        id: "posterior",
        name: "posterior (dorsal) divisions",
        nerves: ["femoral", "lateral_femoral_cutaneous"],
      },
    ],
    note: "Forms within psoas major from the ventral rami of L1-L4 with a little T12. The iliohypogastric and ilioinguinal nerves leave L1 before it divides; the anterior divisions of L2-L4 give the obturator nerve (and L1-L2 the genitofemoral), the posterior divisions of L2-L4 the femoral nerve and of L2-L3 the lateral femoral cutaneous nerve. Psoas and quadratus lumborum get short direct twigs. Part of L4 leaves to join L5 as the lumbosacral trunk.",
    sources: ["grays2021", "statpearlsThighNerves"],
  },
  {
    id: "lumbosacral_trunk",
    name: "lumbosacral trunk",
    roots: ["L4", "L5"],
    note: "Part of the L4 ventral ramus joins L5 and descends over the sacral ala into the pelvis, where it can be compressed by tumour, haematoma or the fetal head in labour.",
    sources: ["grays2021", "statpearlsLumbosacralPlexopathy"],
  },
  {
    id: "sacral_plexus",
    name: "sacral plexus",
    roots: ["L4", "L5", "S1", "S2", "S3", "S4"],
    fedBy: { element: "lumbosacral_trunk", roots: ["L4", "L5"] },
    note: "Lies on piriformis in the posterior pelvis; gives the sciatic, gluteal, posterior femoral cutaneous and pudendal nerves.",
    sources: ["grays2021", "statpearlsLumbosacralPlexopathy"],
  },
];
