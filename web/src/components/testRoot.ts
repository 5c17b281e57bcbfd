/** A fresh React root in a jsdom element for each test, unmounted after it (component tests). */
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach } from "vitest";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface TestRoot {
  host: () => HTMLDivElement;
  root: () => Root;
  /** Render inside act(), so effects have run when it returns. */
  render: (node: ReactNode) => void;
}

export function testRoot(): TestRoot {
  let host: HTMLDivElement;
  let root: Root;
  beforeEach(() => {
    host = document.createElement("div");
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
  });
  return { host: () => host, root: () => root, render: (node) => act(() => root.render(node)) };
}
