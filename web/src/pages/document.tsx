import type { Route } from "../route";
export function DocumentPage({ route }: { route: Route }) {
  return <p>document {route.arg}</p>;
}
