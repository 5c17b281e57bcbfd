/**
 * The electrodiagnostic report as a PDF file (pdfkit, the standard Helvetica fonts): A4 landscape so
 * the nerve conduction table keeps its eleven columns; tables break across pages with their header
 * repeated; abnormal values in bold with the mark.
 */
import PDFDocument from "pdfkit";
import { EMG_HEAD, emgCells, headerPairs, MARK, NCS_HEAD, ncsCells, recommendationItems } from "./layout.js";
import type { Cell, EdxReport } from "./types.js";

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 36;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const SIZE = 9;
const TABLE_SIZE = 7.5;
const PAD = 2;

/** The standard fonts speak WinAnsi: what they cannot draw is spelled out. */
export function pdfSafe(s: string): string {
  return s
    .replaceAll("≤", "<=")
    .replaceAll("≥", ">=")
    .replaceAll("→", "->")
    .replace(/[^\n\x20-\x7E\xA0-\xFF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026]/g, "?");
}

const width = (doc: Doc) => doc.page.width - 2 * MARGIN;

function heading(doc: Doc, text: string, size = 12) {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc
    .moveDown(0.6)
    .font(BOLD)
    .fontSize(size)
    .text(pdfSafe(text), MARGIN, doc.y, { width: width(doc) });
  doc.moveDown(0.2).font(FONT).fontSize(SIZE);
}

function paragraph(doc: Doc, text: string, bullet = "") {
  doc
    .font(FONT)
    .fontSize(SIZE)
    .text(pdfSafe(`${bullet}${text}`), MARGIN + (bullet ? 6 : 0), doc.y, {
      width: width(doc) - (bullet ? 6 : 0),
    });
}

/** Column widths from each column's longest word and text, filling the page width. */
function columnWidths(doc: Doc, head: readonly string[], rows: Cell[][]): number[] {
  doc.fontSize(TABLE_SIZE);
  const want = head.map((h, i) => {
    const texts = [
      h,
      ...rows.map((r) => (r[i]?.abnormal ? `${r[i]?.text} ${MARK}` : (r[i]?.text ?? ""))),
    ].map(pdfSafe);
    doc.font(BOLD);
    const longest = Math.max(...texts.map((t) => doc.widthOfString(t)));
    const word = Math.max(...texts.flatMap((t) => t.split(/\s+/)).map((w) => doc.widthOfString(w)));
    return { min: word + 2 * PAD + 4, ideal: Math.min(longest, 160) + 2 * PAD + 4 };
  });
  const total = width(doc);
  const ideal = want.reduce((s, w) => s + w.ideal, 0);
  return want.map((w) => Math.max(w.min, (w.ideal / ideal) * total));
}

function row(doc: Doc, cells: Cell[], widths: number[], bold: boolean) {
  const texts = cells.map((c) => pdfSafe(c.abnormal && c.text ? `${c.text} ${MARK}` : c.text));
  const height =
    Math.max(
      ...texts.map((t, i) => {
        doc.font(bold || cells[i]?.abnormal ? BOLD : FONT).fontSize(TABLE_SIZE);
        return doc.heightOfString(t || " ", { width: (widths[i] ?? 20) - 2 * PAD });
      }),
    ) +
    2 * PAD;
  return { texts, height };
}

function drawRow(doc: Doc, cells: Cell[], widths: number[], bold: boolean) {
  const { texts, height } = row(doc, cells, widths, bold);
  const top = doc.y;
  let x = MARGIN;
  texts.forEach((t, i) => {
    const w = widths[i] ?? 20;
    if (bold) doc.rect(x, top, w, height).fillAndStroke("#e8e8e8", "#999999");
    else doc.rect(x, top, w, height).stroke("#999999");
    doc
      .fillColor("#000000")
      .font(bold || cells[i]?.abnormal ? BOLD : FONT)
      .fontSize(TABLE_SIZE)
      .text(t, x + PAD, top + PAD, { width: w - 2 * PAD });
    x += w;
  });
  doc.x = MARGIN;
  doc.y = top + height;
}

function table(doc: Doc, head: readonly string[], rows: Cell[][]) {
  const widths = columnWidths(doc, head, rows);
  const headCells = head.map((text) => ({ text, abnormal: false }));
  const bottom = () => doc.page.height - MARGIN;
  if (doc.y + 2 * row(doc, headCells, widths, true).height > bottom()) doc.addPage();
  drawRow(doc, headCells, widths, true);
  for (const r of rows) {
    if (doc.y + row(doc, r, widths, false).height > bottom()) {
      doc.addPage();
      drawRow(doc, headCells, widths, true);
    }
    drawRow(doc, r, widths, false);
  }
  doc.font(FONT).fontSize(SIZE);
}

function body(doc: Doc, r: EdxReport) {
  doc.font(BOLD).fontSize(15).text(pdfSafe(r.header.title), MARGIN, MARGIN);
  doc.moveDown(0.4);
  for (const [k, v] of headerPairs(r)) {
    doc
      .font(BOLD)
      .fontSize(SIZE)
      .text(pdfSafe(`${k}: `), { continued: true });
    doc.font(FONT).text(pdfSafe(v));
  }
  heading(doc, "Nerve conduction studies");
  if (r.ncs.length) table(doc, NCS_HEAD, r.ncs.map(ncsCells));
  else paragraph(doc, "No nerve conduction studies recorded.");
  heading(doc, "Needle EMG");
  if (r.emg.length) table(doc, EMG_HEAD, r.emg.map(emgCells));
  else paragraph(doc, "No needle EMG recorded.");
  heading(doc, "Summary");
  for (const s of r.summary) paragraph(doc, s, "• ");
  heading(doc, "Impression");
  r.impression.forEach((s, i) => {
    paragraph(doc, s, `${i + 1}. `);
  });
  heading(doc, "Clinical correlation");
  for (const s of r.correlation) paragraph(doc, s, "• ");
  heading(doc, "Recommendations");
  for (const g of recommendationItems(r)) {
    heading(doc, g.heading, 10);
    for (const s of g.items) paragraph(doc, s, "• ");
  }
  heading(doc, "Notes", 10);
  for (const s of r.notes) paragraph(doc, s);
  heading(doc, "References", 10);
  for (const s of r.references) paragraph(doc, s, "• ");
}

/** The report as the bytes of a PDF file. */
export function reportToPdf(r: EdxReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: MARGIN,
    info: {
      Title: pdfSafe(`${r.header.title}: ${r.header.caseId}`),
      Author: "Locus (decision support)",
      Subject: "Electrodiagnostic report",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (b: Buffer) => chunks.push(b));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  body(doc, r);
  doc.end();
  return done;
}
