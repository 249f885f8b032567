import type { Schemas } from '@cg/sdk';
import { BAND_INFO } from '../labels.js';

/** The alignment score as a half-circle gauge, with the number and the band as text. */
export function ScoreGauge({ score, band }: { score: number; band: Schemas['ScoreBand'] }) {
  const value = Math.max(0, Math.min(100, score));
  const info = BAND_INFO[band];
  return (
    <figure className={`gauge gauge-${band}`}>
      <svg viewBox="0 0 200 112" aria-hidden="true" focusable="false">
        <path className="gauge-track" d="M 16 100 A 84 84 0 0 1 184 100" pathLength={100} />
        <path
          className="gauge-value"
          d="M 16 100 A 84 84 0 0 1 184 100"
          pathLength={100}
          strokeDasharray={`${value} 100`}
        />
      </svg>
      <figcaption>
        <span className="gauge-number" data-testid="score">
          {value}
        </span>
        <span className="gauge-of">
          <span className="visually-hidden"> out of </span>
          <span aria-hidden="true">/</span>100
        </span>
        <span className="gauge-band">{info.label}</span>
      </figcaption>
    </figure>
  );
}
