// Shared pieces: data loading with clear errors, sections, bar lists, event lists.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, type Event } from "./api";
import { countryName } from "./countries";
import { familyOf, fmtG, goldsteinColor } from "./events";
import { href } from "./route";

export type Loaded<T> = { data: T; error: null; loading: false } | { data: null; error: Error | null; loading: boolean };

/** Run a loader whenever its key changes; keeps the error to show it. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [s, set] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    set({ data: null, error: null, loading: true });
    load().then(
      (data) => live && set({ data, error: null, loading: false }),
      (error: Error) => live && set({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return s;
}

/** A clear message for a bad URL parameter or a failed request: never a blank page. */
export function ErrorBox({ error, title }: { error: Error | string; title?: string }) {
  const msg = typeof error === "string" ? error : error.message;
  const status = error instanceof ApiError ? error.status : null;
  return (
    <div class="error" role="alert" data-testid="error">
      <strong>{title ?? (status === 404 ? "Not found" : status === 400 ? "Bad parameter" : status === 401 || status === 403 ? "Not allowed" : "Something went wrong")}</strong>
      <p>{msg}</p>
      {error instanceof ApiError && error.parameter ? <p class="muted">parameter: <code>{error.parameter}</code></p> : null}
      <p><a href="#/">Back to the overview</a></p>
    </div>
  );
}

export function Loading({ what }: { what?: string }) {
  return <p class="muted loading" aria-live="polite">Loading{what ? ` ${what}` : ""}…</p>;
}

/** Renders children with the data, or the loading/error state. */
export function Show<T>({ s, what, children }: { s: Loaded<T>; what?: string; children: (d: T) => ComponentChildren }) {
  if (s.error) return <ErrorBox error={s.error} />;
  if (s.loading || s.data === null) return <Loading what={what} />;
  return <>{children(s.data)}</>;
}

export function Section({ title, children, id, wide }: { title: string; children: ComponentChildren; id?: string; wide?: boolean }) {
  return (
    <section class={`card${wide ? " wide" : ""}`} id={id} aria-labelledby={id ? id + "-h" : undefined}>
      <h2 id={id ? id + "-h" : undefined}>{title}</h2>
      {children}
    </section>
  );
}

/** Horizontal bars as HTML (cheap, readable, accessible). */
export function BarList({ rows, link }: { rows: { label: string; value: number; title?: string }[]; link?: (label: string) => string | null }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  if (!rows.length) return <p class="muted">None.</p>;
  return (
    <ul class="bars">
      {rows.map((r) => {
        const l = link?.(r.label);
        return (
          <li key={r.label}>
            <span class="bar-label" title={r.title ?? r.label}>{l ? <a href={l}>{r.label}</a> : r.label}</span>
            <span class="bar" style={{ width: `${(100 * r.value) / max}%` }} />
            <span class="bar-value">{r.value.toLocaleString()}</span>
          </li>
        );
      })}
    </ul>
  );
}

export const Country = ({ code }: { code: string | null }) =>
  code ? <a href={href("country", code)} title={countryName(code)}>{code}</a> : <span class="muted">?</span>;

export function Goldstein({ g }: { g: number }) {
  return <span class="gs" style={{ background: goldsteinColor(g) }} title={`Goldstein score ${fmtG(g)}`}>{fmtG(g)}</span>;
}

export function TypeBadge({ type, mode }: { type: string; mode?: string | null }) {
  return <span class={`type fam-${familyOf(type).replace(" ", "-")}`}>{type}{mode ? <small> · {mode}</small> : null}</span>;
}

export function EventTable({ events, caption }: { events: Event[]; caption?: string }) {
  if (!events.length) return <p class="muted">No events.</p>;
  return (
    <div class="scroll">
      <table class="events">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr><th scope="col">date</th><th scope="col">event</th><th scope="col">sides</th><th scope="col">Goldstein</th><th scope="col">reports</th></tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td class="nowrap">{e.date ?? "undated"}</td>
              <td><a href={href("event", e.id)} data-event={e.id}><TypeBadge type={e.type} mode={e.mode} /></a></td>
              <td>{e.actors.map((a, i) => <span key={a.country}>{i ? " · " : ""}<Country code={a.country} />{a.name ? <small> {a.name}</small> : null}</span>)}</td>
              <td><Goldstein g={e.goldstein} /></td>
              <td class="muted">{e.reports.length} ({[...new Set(e.reports.map((r) => r.lang))].join(", ")})</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
