import type { FrameView } from '@/core/popup-view';
import { LevelBadge } from './LevelBadge';

export interface FramesListProps {
  frames: FrameView[];
}

/** Frames from other sites embedded in the page, each judged like a page of its own, failing first. */
export function FramesList({ frames }: FramesListProps) {
  if (frames.length === 0) return null;
  return (
    <section aria-labelledby="frames-title">
      <h2 id="frames-title">Frames from other sites</h2>
      <ul class="frames" aria-label="Frames from other sites, failing first">
        {frames.map((frame) => (
          <li key={frame.origin} class="frame">
            <span class="frame-host">{frame.host}</span>{' '}
            <LevelBadge level={frame.level} label={frame.levelLabel} />
            <p class="muted">{frame.sentence}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
