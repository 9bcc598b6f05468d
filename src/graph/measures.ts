// Key-player measures of a returned network (degree, betweenness, PageRank), computed with graphology over
// that network only, as an undirected simple graph: who brokers and who is central is a matter of ties, not
// of which way a membership or candidacy points, and parallel relationships count as one tie.
import { UndirectedGraph } from 'graphology';
import { betweenness as betweennessCentrality, pagerank } from 'graphology-metrics/centrality/index.js';

export interface KeyPlayerMeasures {
  /** Distinct neighbours in the network. */
  degree: number;
  /** Normalised betweenness centrality, 0..1. */
  betweenness: number;
  /** PageRank; all nodes sum to 1. */
  pagerank: number;
}

export function keyPlayerMeasures(nodeIds: readonly string[], edges: readonly { source: string; target: string }[]): Map<string, KeyPlayerMeasures> {
  const graph = new UndirectedGraph();
  for (const id of nodeIds) graph.mergeNode(id);
  for (const e of edges) {
    if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target)) graph.mergeEdge(e.source, e.target);
  }
  const betweenness = betweennessCentrality(graph, { normalized: true });
  // PageRank of an edgeless graph is uniform; graphology needs at least one node to iterate.
  const ranks = graph.order > 0 ? pagerank(graph, { getEdgeWeight: null }) : {};
  return new Map(
    nodeIds.map((id) => [id, { degree: graph.hasNode(id) ? graph.degree(id) : 0, betweenness: betweenness[id] ?? 0, pagerank: ranks[id] ?? 0 }]),
  );
}
