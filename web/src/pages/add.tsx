// Add a document: paste its text or give its URL; the server extracts and stores it. Writes
// need the server's token (kept in this tab's session storage only).
import { useState } from "preact/hooks";
import { ApiError, clearCache, getToken, request, setToken } from "../api";
import { href, type Route } from "../route";
import { ErrorBox, Section } from "../ui";

interface Posted { outcome: string; document: { id: number; name: string; origin: string } | null; events: number[]; extracted: number | null }

export function AddPage(_: { route: Route }) {
  const [token, setTok] = useState(getToken() ?? "");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Posted | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget as HTMLFormElement);
    const url = String(fd.get("url") ?? "").trim(), text = String(fd.get("text") ?? "").trim(), title = String(fd.get("title") ?? "").trim();
    setError(null);
    setResult(null);
    if (!url && !text) return setError(new Error("Paste the article's text or give its URL."));
    if (url && !/^https?:\/\/\S+$/.test(url)) return setError(new Error(`'${url}' is not an http(s) URL.`));
    setBusy(true);
    try {
      const body = url ? { url } : { text, ...(title ? { title } : {}) };
      const r = await request<Posted>("/api/documents", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
      clearCache();
      setResult(r);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Add a document</h1>
      <div class="grid">
        <Section title="Token" id="token">
          <form class="filters" onSubmit={(e) => { e.preventDefault(); setToken(token.trim() || null); }}>
            <label>bearer token <input type="password" value={token} onInput={(e) => setTok((e.target as HTMLInputElement).value)} autocomplete="off" size={30} /></label>
            <button type="submit">Use</button>
          </form>
          <p class="muted small">{getToken() ? "A token is set for this tab." : "Writes need the token the server was started with (--token-file or PARLEY_TOKEN); a server started with --no-auth needs none."}</p>
        </Section>
        <Section title="Text or URL" id="add-form" wide>
          <form class="stack" onSubmit={submit}>
            <label>URL of the article <input name="url" type="url" placeholder="https://…" /></label>
            <p class="muted small">or</p>
            <label>title <input name="title" dir="auto" /></label>
            <label>text <textarea name="text" rows={10} dir="auto" placeholder="Paste the article's text (any language)" /></label>
            <button type="submit" disabled={busy}>{busy ? "Extracting…" : "Add"}</button>
          </form>
          {error ? <ErrorBox title={error instanceof ApiError && (error.status === 401 || error.status === 403) ? "Not allowed" : "Not added"} error={error} /> : null}
          {result ? (
            <div class="card" role="status" data-testid="added">
              <p><b>{result.outcome}</b>{result.document ? <> · <a href={href("document", result.document.id)}>{result.document.name}</a></> : null} · {result.events.length} events stored{result.extracted != null ? ` (${result.extracted} extracted)` : ""}</p>
              {result.events.length ? <p>{result.events.map((e) => <a key={e} href={href("event", e)}>event {e} </a>)}</p> : null}
            </div>
          ) : null}
        </Section>
      </div>
    </>
  );
}
