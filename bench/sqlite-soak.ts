/**
 * npm run soak:sqlite: a garbage-collection soak of the SQLite driver, on demand.
 *
 *   npm run soak:sqlite [-- --iterations 500000 --full]
 *
 * Why: an open report (tursodatabase/libsql-client-ts#354) describes libsql 0.5.29 crashing in its
 * binding's garbage-collection finalizer on Node 20.20.2 (the musl build) in a long-running
 * server. This run leaves millions of prepared statements to the collector, forces collections,
 * and closes and reopens the connection while statements are still alive, on a file database in
 * WAL mode, through the store's own `openDatabase` and `immediate`. A crash kills the process (exit
 * by signal); a wrong count exits 1; success prints the figures and exits 0. `--full` keeps
 * `synchronous=FULL` (one fsync per commit: slow); the default turns it off to reach more
 * statements in the time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { immediate, openDatabase, type SqliteDatabase } from "../src/store/sqlite-driver.js";

const { values } = parseArgs({
  options: { iterations: { type: "string", default: "500000" }, full: { type: "boolean", default: false } },
});
const iterations = Number(values.iterations);
if (!Number.isInteger(iterations) || iterations < 1) {
  process.stderr.write(`--iterations must be a positive whole number, not ${values.iterations}\n`);
  process.exit(2);
}
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const dir = mkdtempSync(join(tmpdir(), "locus-soak-"));
const path = join(dir, "soak.sqlite");

function open(): SqliteDatabase {
  const db = openDatabase(path);
  if (!values.full) db.pragma("synchronous = OFF");
  return db;
}

let db = open();
db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, body TEXT NOT NULL)");
const started = performance.now();
let pressure: number[][] = [];
let statements = 0;
for (let i = 0; i < iterations; i++) {
  immediate(db, () => {
    db.prepare("INSERT INTO t VALUES (?, ?)").run(`k${i}`, "x".repeat(200 + (i % 500)));
    db.prepare("SELECT body FROM t WHERE id = ?").get(`k${i >> 1}`);
  });
  statements += 2;
  if (i % 50 === 0) {
    db.prepare("SELECT id FROM t ORDER BY id DESC LIMIT 20").all();
    statements++;
  }
  pressure.push(new Array(50).fill(i));
  if (pressure.length > 2000) pressure = [];
  if (i % 5000 === 0) collect();
  if (i % 20000 === 19999) {
    // Close while a statement is still referenced, collect, then use it: it must fail cleanly.
    const orphan = db.prepare("SELECT COUNT(*) AS n FROM t");
    db.close();
    collect();
    try {
      orphan.get();
    } catch {
      // expected: the connection is closed
    }
    db = open();
  }
}
collect();
const rows = (db.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n;
db.close();
rmSync(dir, { recursive: true, force: true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(
  `${iterations} transactions, ${statements} statements left to the collector, ${seconds} s, node ${process.version}, rows ${rows}\n`,
);
process.exit(rows === iterations ? 0 : 1);
