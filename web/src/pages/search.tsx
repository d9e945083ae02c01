import type { Route } from "../route";
export function SearchPage({ route }: { route: Route }) {
  return <p>search {route.arg}</p>;
}
