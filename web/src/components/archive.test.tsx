// @vitest-environment jsdom
/** Deleting a saved case from the page: ask first, archive, show it in the archived view, restore. */
import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseSummary } from "../types.js";
import { CaseList } from "./CaseList.js";
import { testRoot } from "./testRoot.js";

/** A stand-in for the service's case routes, kept in memory, answering as the API does. */
function fakeService(ids: string[]) {
  const archivedAt = new Map<string, string | null>(ids.map((id) => [id, null]));
  const calls: string[] = [];
  const summary = (id: string): CaseSummary => ({
    id,
    revision: 1,
    createdAt: "2026-12-01T10:00:00Z",
    updatedAt: "2026-12-01T10:00:00Z",
    archivedAt: archivedAt.get(id) ?? null,
  });
  const answer = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const fetch = async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? "GET";
    calls.push(`${method} ${path}`);
    const list = path.match(/^\/api\/v1\/cases\?limit=200(&archived=1)?$/);
    if (list) {
      const wanted = [...archivedAt].filter(([, at]) => (at !== null) === Boolean(list[1]));
      return answer({ cases: wanted.map(([id]) => summary(id)), next: null });
    }
    const one = path.match(/^\/api\/v1\/cases\/([^/]+)(\/restore)?$/);
    if (!one?.[1] || !archivedAt.has(one[1]))
      return answer({ error: { message: `no case ${one?.[1]}` } }, 404);
    if (method === "DELETE") archivedAt.set(one[1], "2026-12-07T20:00:00Z");
    if (one[2]) archivedAt.set(one[1], null);
    return answer({ id: one[1], revision: 1, archivedAt: archivedAt.get(one[1]) });
  };
  return { fetch, calls };
}

const dom = testRoot();
afterEach(() => vi.unstubAllGlobals());

const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const ids = (testid: string) =>
  [...dom.host().querySelectorAll(`[data-testid="${testid}"] > li > button:first-child`)].map(
    (b) => b.textContent,
  );
const button = (name: string) => {
  const found = [...dom.host().querySelectorAll("button")].find(
    (b) => b.getAttribute("aria-label") === name || b.textContent === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const click = async (name: string) => {
  act(() => button(name).click());
  await settle();
};

async function render(service: ReturnType<typeof fakeService>, currentId = "new-case") {
  vi.stubGlobal("fetch", service.fetch);
  const onOpen = vi.fn();
  dom.render(<CaseList currentId={currentId} savedRevision={null} refresh={0} onOpen={onOpen} />);
  await settle();
  return onOpen;
}

describe("deleting saved cases", () => {
  it("asks first; Keep changes nothing, Delete archives the case out of the list into the archived view", async () => {
    const service = fakeService(["seed-004", "peroneal-ganglion"]);
    await render(service);
    expect(ids("case-list")).toEqual(["seed-004", "peroneal-ganglion"]);
    await click("Delete seed-004");
    expect(dom.host().querySelector('[role="alertdialog"]')?.textContent).toMatch(/nothing is erased/);
    await click("Keep");
    expect(service.calls.some((c) => c.startsWith("DELETE"))).toBe(false);
    await click("Delete seed-004");
    await click("Delete");
    expect(service.calls).toContain("DELETE /api/v1/cases/seed-004");
    expect(ids("case-list")).toEqual(["peroneal-ganglion"]);
    expect(button("Archived cases (1)")).toBeTruthy();
    await click("Archived cases (1)");
    expect(ids("archived-list")).toEqual(["seed-004"]);
    expect(dom.host().querySelector('[data-testid="archived-list"]')?.textContent).toMatch(
      /archived 2026-12-07 20:00/,
    );
  });

  it("restores from the archived view, and opens an archived case by id", async () => {
    const service = fakeService(["seed-004", "peroneal-ganglion"]);
    const onOpen = await render(service);
    await click("Delete seed-004");
    await click("Delete");
    await click("Archived cases (1)");
    act(() =>
      (dom.host().querySelector('[data-testid="archived-list"] button') as HTMLButtonElement).click(),
    );
    expect(onOpen).toHaveBeenCalledWith("seed-004");
    await click("Restore seed-004");
    expect(service.calls).toContain("POST /api/v1/cases/seed-004/restore");
    expect(ids("case-list")).toEqual(["seed-004", "peroneal-ganglion"]);
    expect(ids("archived-list")).toEqual([]);
  });

  it("says so when the case open now is archived, and restores it from there", async () => {
    const service = fakeService(["seed-004"]);
    await service.fetch("/api/v1/cases/seed-004", { method: "DELETE" });
    await render(service, "seed-004");
    expect(dom.host().textContent).toMatch(/Every saved case is archived\./);
    const notice = dom.host().querySelector('[data-testid="archived-notice"]');
    expect(notice?.textContent).toMatch(/seed-004 is archived \(deleted 2026-12-07 20:00\)/);
    await click("Restore");
    expect(dom.host().querySelector('[data-testid="archived-notice"]')).toBeNull();
    expect(ids("case-list")).toEqual(["seed-004"]);
  });

  it("shows the service's words when a delete fails", async () => {
    const service = fakeService(["seed-004"]);
    await render(service);
    const failing = async (path: string, init: RequestInit = {}) =>
      init.method === "DELETE"
        ? new Response(JSON.stringify({ error: { message: "a valid bearer token is required" } }), {
            status: 401,
          })
        : service.fetch(path, init);
    vi.stubGlobal("fetch", failing);
    await click("Delete seed-004");
    await click("Delete");
    expect(dom.host().querySelector(".error")?.textContent).toBe("a valid bearer token is required");
    expect(ids("case-list")).toEqual(["seed-004"]);
  });
});
