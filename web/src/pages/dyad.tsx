import type { Route } from "../route";
export function DyadPage({ route }: { route: Route }) {
  return <p>dyad {route.arg}</p>;
}
