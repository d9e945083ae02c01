import type { Route } from "../route";
export function MapPage({ route }: { route: Route }) {
  return <p>map {route.arg}</p>;
}
