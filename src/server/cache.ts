/**
 * A bounded LRU cache of finished answers, keyed by a digest of the request (route, media type,
 * body) and the atlas version. The analysis is a pure function of the case and the atlas, so the
 * same request always gets the same answer; clinicians and EHRs (CDS Hooks fires on every chart
 * opening) send the same case again and again. Per worker, in memory, bounded in bytes.
 */
import { createHash } from "node:crypto";

export class ResponseCache {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  static key(...parts: string[]): string {
    const h = createHash("sha256");
    for (const p of parts) h.update(p).update("\0");
    return h.digest("base64url");
  }

  /** The answer as UTF-8 bytes, ready to send without encoding it again. */
  get(key: string): Uint8Array | undefined {
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

  set(key: string, text: string): Uint8Array {
    const value = Buffer.from(text, "utf8");
    if (this.maxBytes <= 0 || value.byteLength > this.maxBytes / 2) return value;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.byteLength;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
