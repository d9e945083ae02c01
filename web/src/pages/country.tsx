import type { Route } from "../route";
export function CountryPage({ route }: { route: Route }) {
  return <p>country {route.arg}</p>;
}
