import { useState } from 'react';
import { stepZoom, type Zoom } from './evidence-format';

/** Zoom and rotation of one open file; each file starts at "fit", upright. */
export function useViewTransform() {
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [rotation, setRotation] = useState(0);
  return {
    zoom,
    rotation,
    /** `shown` is the scale on screen now, so stepping from "fit" starts where the eye is. */
    zoomIn: (shown: number) => setZoom(stepZoom(shown, 1)),
    zoomOut: (shown: number) => setZoom(stepZoom(shown, -1)),
    fit: () => setZoom('fit'),
    rotate: () => setRotation((r) => (r + 90) % 360),
  };
}
