import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useT } from '../../../i18n/locale-context';
import type { ViewerHandle } from './evidence-format';
import { useElementSize } from './use-element-size';
import { useViewTransform } from './use-view-transform';
import { ViewerToolbar } from './ViewerToolbar';

/** Breathing room between the image and the edge of the stage when fitted. */
const STAGE_PADDING = 24;

/**
 * A PNG or JPEG from its bytes, through a blob: URL (the CSP allows blob: images and nothing
 * remote). The URL is made and revoked in one effect, so changing files or closing the claim
 * never leaves the bytes pinned in memory.
 */
export function ImageView({
  bytes,
  mediaType,
  name,
  ref,
}: {
  bytes: Uint8Array;
  mediaType: string;
  name: string;
  ref?: Ref<ViewerHandle>;
}) {
  const t = useT();
  const image = useRef<HTMLImageElement>(null);
  const [stage, stageSize] = useElementSize<HTMLDivElement>();
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const view = useViewTransform();

  useEffect(() => {
    // Set on the element rather than through state: StrictMode runs this twice, and a URL kept
    // in state would be the revoked one.
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mediaType }));
    if (image.current) image.current.src = url;
    return () => URL.revokeObjectURL(url);
  }, [bytes, mediaType]);

  const sideways = view.rotation % 180 !== 0;
  const box = natural && {
    width: sideways ? natural.height : natural.width,
    height: sideways ? natural.width : natural.height,
  };
  const fitScale =
    box && stageSize.width > 0
      ? Math.min(
          (stageSize.width - STAGE_PADDING * 2) / box.width,
          (stageSize.height - STAGE_PADDING * 2) / box.height,
          // A small receipt scan is not blown up past its real size to "fit".
          1,
        )
      : null;
  const scale = view.zoom === 'fit' ? fitScale : view.zoom;

  useImperativeHandle(ref, () => ({
    command(name) {
      if (name === 'zoomIn' && scale !== null) view.zoomIn(scale);
      else if (name === 'zoomOut' && scale !== null) view.zoomOut(scale);
      else if (name === 'fit') view.fit();
      else if (name === 'rotate') view.rotate();
      else return false;
      return true;
    },
  }));

  return (
    <div className="evidence-view">
      <ViewerToolbar
        scale={scale}
        isFit={view.zoom === 'fit'}
        onZoomIn={() => scale !== null && view.zoomIn(scale)}
        onZoomOut={() => scale !== null && view.zoomOut(scale)}
        onFit={view.fit}
        onRotate={view.rotate}
        hint={t('evidence.keysHint')}
      />
      <div className="evidence-stage" ref={stage}>
        {failed ? (
          <p className="evidence-stage__message">{t('evidence.image.error')}</p>
        ) : (
          <div
            className="evidence-image-box"
            style={
              box && scale !== null
                ? { width: box.width * scale, height: box.height * scale }
                : undefined
            }
          >
            <img
              ref={image}
              className={`evidence-image${box && scale !== null ? '' : ' evidence-image--loading'}`}
              alt={t('evidence.image.alt', { name })}
              data-testid="evidence-image"
              data-rotation={view.rotation}
              draggable={false}
              style={
                natural && scale !== null
                  ? {
                      width: natural.width * scale,
                      height: natural.height * scale,
                      transform: `translate(-50%, -50%) rotate(${view.rotation}deg)`,
                    }
                  : undefined
              }
              onLoad={(event) =>
                setNatural({
                  width: event.currentTarget.naturalWidth,
                  height: event.currentTarget.naturalHeight,
                })
              }
              onError={() => setFailed(true)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
