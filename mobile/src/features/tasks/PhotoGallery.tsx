import ImageViewer from 'antd-mobile/es/components/image-viewer';
import { useEffect, useState } from 'react';
import { readPhotoBlob } from '../sync/outbox.ts';
import { stageLabels, stageOrder, type ViewPhoto } from './task-view.ts';

/** The image of a queued photo, read from the phone (an object URL, released when unused). */
function useQueuedImage(photo: ViewPhoto): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const isQueued = photo.queueState !== null;
  useEffect(() => {
    if (!isQueued) return;
    let objectUrl: string | null = null;
    let isCurrent = true;
    readPhotoBlob(photo.id).then(
      (blob) => {
        if (!blob || !isCurrent) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [photo.id, isQueued]);
  return isQueued ? url : `/api/v1/field/photos/${photo.id}/thumbnail`;
}

function queueLabel(photo: ViewPhoto): string | null {
  switch (photo.queueState) {
    case null:
      return null;
    case 'waiting':
      return '待上传';
    case 'sending':
      return `上传中 ${photo.progress ?? 0}%`;
    case 'refused':
      return '被拒绝';
  }
}

function PhotoTile({ photo, onOpen }: { photo: ViewPhoto; onOpen: (url: string) => void }) {
  const src = useQueuedImage(photo);
  const label = queueLabel(photo);
  const large = photo.queueState === null ? `/api/v1/field/photos/${photo.id}/watermarked` : src;
  return (
    <li className="photo-tile">
      <button type="button" onClick={() => large && onOpen(large)} aria-label={`查看${photo.photoTypeLabel}`}>
        {src ? <img src={src} alt={photo.photoTypeLabel} loading="lazy" /> : <span className="photo-empty" />}
      </button>
      <div className="photo-caption">{photo.photoTypeLabel}</div>
      {label && (
        <div className={photo.queueState === 'refused' ? 'photo-state refused' : 'photo-state'}>{label}</div>
      )}
    </li>
  );
}

/** The task's photos by stage: thumbnails from the server, queued ones from the phone. */
export function PhotoGallery({ photos }: { photos: ViewPhoto[] }) {
  const [openUrl, setOpenUrl] = useState<string | null>(null);
  if (photos.length === 0) return <div className="muted section-empty">尚未拍照</div>;
  return (
    <div className="photo-gallery">
      {stageOrder.map((stage) => {
        const ofStage = photos.filter((photo) => photo.stage === stage);
        if (ofStage.length === 0) return null;
        return (
          <section key={stage} aria-label={`${stageLabels[stage]}照片`}>
            <h3 className="photo-stage">{stageLabels[stage]}</h3>
            <ul className="photo-grid">
              {ofStage.map((photo) => (
                <PhotoTile key={photo.id} photo={photo} onOpen={setOpenUrl} />
              ))}
            </ul>
          </section>
        );
      })}
      {openUrl && <ImageViewer image={openUrl} visible onClose={() => setOpenUrl(null)} />}
    </div>
  );
}
