// The partners network drawn by Cytoscape (canvas 2D: no WebGL needed), loaded as its own chunk.
// Edge width follows the events, edge colour the mean Goldstein score; a click on a partner
// (or Enter on the focused graph, for the strongest partner) opens the dyad.
import cytoscape from "cytoscape";
import { useEffect, useRef } from "preact/hooks";
import { goldsteinColor } from "./events";

export interface Edge { partner: string; events: number; goldstein: number }

export default function PartnerGraph({ center, edges, onPick }: { center: string; edges: Edge[]; onPick: (partner: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const max = Math.max(1, ...edges.map((e) => e.events));
    const dark = matchMedia("(prefers-color-scheme: dark)").matches;
    const cy = cytoscape({
      container: ref.current,
      elements: [
        { data: { id: center, label: center, size: 46 } },
        ...edges.map((e) => ({ data: { id: e.partner, label: e.partner, size: 18 + 26 * Math.sqrt(e.events / max) } })),
        ...edges.map((e) => ({ data: { id: `${center}-${e.partner}`, source: center, target: e.partner, width: 1.5 + 10 * (e.events / max), color: goldsteinColor(e.goldstein) } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": dark ? "#7fb4f0" : "#1f5fa8", color: dark ? "#e6e9ec" : "#1d2329", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: `node[id = "${center}"]`, style: { "background-color": "#ff9f1c", "font-weight": "bold" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "curve-style": "straight", opacity: 0.9 } },
      ],
      layout: { name: "concentric", concentric: (n: cytoscape.NodeSingular) => (n.id() === center ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 18, animate: false } as cytoscape.LayoutOptions,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on("tap", "node", (ev) => {
      const id = ev.target.id();
      if (id !== center) onPick(id);
    });
    ref.current.dataset.rendered = String(cy.nodes().length);
    // The rendered positions of the nodes, for tests and tools that click a partner.
    ref.current.dataset.nodes = JSON.stringify(Object.fromEntries(cy.nodes().map((n) => [n.id(), n.renderedPosition()])));
    return () => cy.destroy();
  }, [center, edges]);
  return <div ref={ref} class="graph" role="img" aria-label={`network of ${center}'s partners: ${edges.map((e) => `${e.partner} ${e.events} events`).join(", ")}`} data-testid="partner-graph" />;
}
