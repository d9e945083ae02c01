import type { Route } from "../route";
export function AddPage({ route }: { route: Route }) {
  return <p>add {route.arg}</p>;
}
