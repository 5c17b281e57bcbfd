/**
 * A bounded LRU cache of finished answers, keyed by a digest of the request (route, media type,
 * body) and the atlas version. The analysis is a pure function of the case and the atlas, so the
 * same request always gets the same answer; clinicians and EHRs (CDS Hooks fires on every chart
 * opening) send the same case again and again. Per worker, in memory, bounded in bytes. Each
 * answer is kept as UTF-8 bytes, and gzipped once the first client asks for gzip.
 */
import { createHash } from "node:crypto";
import { constants, gzipSync } from "node:zlib";

export interface Answer {
  raw: Uint8Array;
  gzip?: Uint8Array;
}

const size = (a: Answer) => a.raw.byteLength + (a.gzip?.byteLength ?? 0);

/**
 * A text's UTF-8 bytes. Only a text of ASCII alone has as many UTF-8 bytes as UTF-16 code units,
 * and its bytes are its code units: such a text (an answer nearly always is one) is copied as
 * Latin-1, some five times faster than encoding it (Buffer.byteLength counts without encoding).
 */
export function utf8(text: string): Buffer {
  return Buffer.from(text, Buffer.byteLength(text, "utf8") === text.length ? "latin1" : "utf8");
}

export function gzip(raw: Uint8Array): Uint8Array {
  return gzipSync(raw, { level: 6, strategy: constants.Z_DEFAULT_STRATEGY });
}

export class ResponseCache {
  private readonly entries = new Map<string, Answer>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  static key(...parts: string[]): string {
    const h = createHash("sha256");
    for (const p of parts) h.update(p).update("\0");
    return h.digest("base64url");
  }

  get(key: string): Answer | undefined {
    const v = this.entries.get(key);
    if (v === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Refresh its place: a Map iterates in insertion order, so the first entry is the oldest.
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  /** Keep an answer (unless it alone would take half the budget); returns it as bytes either way. */
  set(key: string, text: string): Answer {
    const answer: Answer = { raw: utf8(text) };
    if (this.maxBytes <= 0 || answer.raw.byteLength > this.maxBytes / 2) return answer;
    this.remove(key);
    this.entries.set(key, answer);
    this.bytes += size(answer);
    this.trim();
    return answer;
  }

  /** The gzipped answer, made once and kept with it. */
  gzipped(key: string, answer: Answer): Uint8Array {
    if (answer.gzip) return answer.gzip;
    answer.gzip = gzip(answer.raw);
    if (this.entries.get(key) === answer) {
      this.bytes += answer.gzip.byteLength;
      this.trim();
    }
    return answer.gzip;
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.bytes -= size(old);
    this.entries.delete(key);
  }

  private trim(): void {
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= size(v);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
