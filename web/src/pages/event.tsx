import type { Route } from "../route";
export function EventPage({ route }: { route: Route }) {
  return <p>event {route.arg}</p>;
}
