/**
 * Calibration: whether the probability Locus states for its first answer is the rate at which such
 * answers are right. The Brier score is the mean squared gap between the stated probability and the
 * outcome (0 is perfect; always saying 50% scores 0.25); the reliability table bins the stated
 * probabilities and sets each bin's mean beside the rate observed in it (Brier 1950; Murphy 1973).
 */

export interface Forecast {
  /** The probability stated. */
  p: number;
  /** Whether it came true. */
  hit: boolean;
}

export interface ReliabilityBin {
  /** The bin's range of stated probabilities, [from, to). */
  from: number;
  to: number;
  count: number;
  /** The mean probability stated in the bin, and the rate at which those answers were right. */
  stated: number;
  observed: number;
}

export interface Calibration {
  forecasts: number;
  brier: number;
  bins: ReliabilityBin[];
}

const EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1.000001];

export function calibration(forecasts: readonly Forecast[]): Calibration {
  const n = forecasts.length;
  const brier = n === 0 ? 0 : forecasts.reduce((a, f) => a + (f.p - (f.hit ? 1 : 0)) ** 2, 0) / n;
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b + 1 < EDGES.length; b++) {
    const from = EDGES[b] as number;
    const to = EDGES[b + 1] as number;
    const inBin = forecasts.filter((f) => f.p >= from && f.p < to);
    if (inBin.length === 0) continue;
    bins.push({
      from,
      to: Math.min(1, to),
      count: inBin.length,
      stated: round(inBin.reduce((a, f) => a + f.p, 0) / inBin.length),
      observed: round(inBin.filter((f) => f.hit).length / inBin.length),
    });
  }
  return { forecasts: n, brier: round(brier), bins };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The reliability table as lines of text. */
export function calibrationLines(title: string, c: Calibration): string[] {
  return [
    `${title}: Brier ${c.brier.toFixed(3)} over ${c.forecasts} first answers (0 perfect, 0.25 for always 50%)`,
    ...c.bins.map(
      (b) =>
        `  stated ${Math.round(b.from * 100)}-${Math.round(b.to * 100)}%: ${b.count} cases, mean stated ${Math.round(b.stated * 100)}%, right ${Math.round(b.observed * 100)}%`,
    ),
  ];
}
