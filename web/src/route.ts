// Hash routing: #/page/arg?filter=value. Every filter lives in the URL so a view can be shared.
import { useEffect, useState } from "preact/hooks";

export interface Route {
  page: string;
  arg: string | null;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, "");
  const [path, query = ""] = h.split("?", 2);
  const parts = path.split("/").filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  return { page: parts[0] ?? "", arg: parts.length > 1 ? parts.slice(1).join("/") : null, params: new URLSearchParams(query) };
}

export function href(page: string, arg?: string | number | null, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `#/${page}${arg !== undefined && arg !== null ? "/" + encodeURIComponent(String(arg)) : ""}${s ? "?" + s : ""}`;
}

export function useRoute(): Route {
  const [r, setR] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setR(parseHash(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return r;
}

/** Change filters of the current page (replace: no history entry per keystroke). */
export function setParams(route: Route, changes: Record<string, string | null>, replace = false) {
  const p = new URLSearchParams(route.params);
  for (const [k, v] of Object.entries(changes)) (v ? p.set(k, v) : p.delete(k));
  const s = p.toString();
  const h = `#/${route.page}${route.arg ? "/" + encodeURIComponent(route.arg) : ""}${s ? "?" + s : ""}`;
  if (replace) {
    history.replaceState(null, "", h);
    dispatchEvent(new HashChangeEvent("hashchange"));
  } else location.hash = h;
}
