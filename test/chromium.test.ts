/** The browser tests' own chromium provisioning: used when present, installed when it can be, else a loud error. */
import { describe, expect, it } from "vitest";
import { ensureChromium, type Provisioning } from "./browser/chromium.js";

function machine(over: Partial<Provisioning> & { present?: string[] }): Provisioning & { ran: string[] } {
  const present = new Set(over.present ?? []);
  const ran: string[] = [];
  return {
    path: "/usr/bin/chromium",
    chosen: false,
    exists: (p) => present.has(p),
    isRoot: true,
    hasApt: true,
    log: (m) => ran.push(`log: ${m}`),
    run: (cmd, args) => {
      ran.push([cmd, ...args].join(" "));
      if (args[0] === "install") present.add("/usr/bin/chromium");
      return 0;
    },
    ...over,
    ran,
  };
}

describe("ensureChromium", () => {
  it("uses the binary that is there, installing nothing", () => {
    const m = machine({ present: ["/usr/bin/chromium"] });
    expect(ensureChromium(m)).toBe("/usr/bin/chromium");
    expect(m.ran).toEqual([]);
  });

  it("installs Debian's chromium with apt-get when it is missing and we are root", () => {
    const m = machine({});
    expect(ensureChromium(m)).toBe("/usr/bin/chromium");
    expect(m.ran).toEqual([
      expect.stringMatching(/^log: locus: installing Debian's chromium/),
      "apt-get update -qq",
      "apt-get install -y -qq chromium",
    ]);
  });

  it("fails loudly when apt-get fails, when we are not root, or without apt-get", () => {
    expect(() => ensureChromium(machine({ run: () => 100 }))).toThrow(
      /apt-get update -qq failed \(exit 100\)/,
    );
    expect(() => ensureChromium(machine({ isRoot: false }))).toThrow(/missing\. Install it as root/);
    expect(() => ensureChromium(machine({ hasApt: false }))).toThrow(
      /no apt-get: install chromium and set LOCUS_CHROMIUM/,
    );
  });

  it("never installs over a LOCUS_CHROMIUM that does not exist", () => {
    const m = machine({ path: "/opt/chrome", chosen: true });
    expect(() => ensureChromium(m)).toThrow(/LOCUS_CHROMIUM names \/opt\/chrome/);
    expect(m.ran).toEqual([]);
  });
});
