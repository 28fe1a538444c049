import { Camera } from 'lucide-react'
import { useTranslations } from 'next-intl'

/** A face/call snapshot thumbnail, or a placeholder while the image is still being fetched. */
export function SnapshotThumb({ url, alt, size = 56 }: { url: string | null; alt: string; size?: number }) {
  const t = useTranslations('common')
  if (!url) {
    return (
      <div
        className="flex shrink-0 items-center justify-center rounded-md bg-panel-2 text-muted"
        style={{ width: size, height: size }}
        role="img"
        aria-label={t('noSnapshot')}
      >
        <Camera size={size / 3} aria-hidden />
      </div>
    )
  }
  return (
    <a href={url} target="_blank" rel="noreferrer" className="shrink-0">
      <img
        src={`${url}?size=thumb`}
        alt={alt}
        width={size}
        height={size}
        className="rounded-md object-cover"
        style={{ width: size, height: size }}
        data-testid="snapshot-thumb"
      />
    </a>
  )
}
