// The layout's web worker: ForceAtlas2 and the overlap passes run here, off the page's main thread, so panning
// and zooming stay smooth while a large view settles.
import { forceLayout, type LayoutRequest } from './layout.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<LayoutRequest & { job: number }>) => void) | null; postMessage: (m: unknown) => void };
scope.onmessage = (event) => {
  const { job, ...request } = event.data;
  scope.postMessage({ job, ...forceLayout(request) });
};
