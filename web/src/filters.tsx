// The filter bar: values live in the URL (shared views), applied on submit.
import { EVENT_TYPES } from "./events";
import { setParams, type Route } from "./route";

export function FilterBar({ route, fields = ["since", "until", "type"] }: { route: Route; fields?: ("since" | "until" | "type")[] }) {
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget as HTMLFormElement);
    const ch: Record<string, string | null> = {};
    for (const f of fields) ch[f] = String(fd.get(f) ?? "").trim() || null;
    setParams(route, ch);
  };
  return (
    <form class="filters" onSubmit={onSubmit} aria-label="filters">
      {fields.includes("since") ? <label>since <input name="since" placeholder="YYYY-MM" size={10} value={route.params.get("since") ?? ""} /></label> : null}
      {fields.includes("until") ? <label>until <input name="until" placeholder="YYYY-MM" size={10} value={route.params.get("until") ?? ""} /></label> : null}
      {fields.includes("type") ? (
        <label>type <select name="type" value={route.params.get("type") ?? ""}>
          <option value="">any</option>
          {EVENT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select></label>
      ) : null}
      <button type="submit">Apply</button>
    </form>
  );
}
