import { KRALJIC_QUADRANT_INFO, type KraljicQuadrant } from '@cg/domain';

interface Marker {
  label: string;
  mine: boolean;
}

/* Reading order of the 2×2: business impact high on top, supply risk high on the right. */
const CELLS: readonly KraljicQuadrant[] = ['leverage', 'strategic', 'non_critical', 'bottleneck'];

/**
 * The Kraljic matrix with the reader's own position and, when the report discloses it (detailed
 * level), the other side's.
 */
export function KraljicMatrix({
  mine,
  theirs,
  mineLabel,
  theirsLabel,
}: {
  mine: KraljicQuadrant | undefined;
  theirs: KraljicQuadrant | undefined;
  mineLabel: string;
  theirsLabel: string;
}) {
  const markersOf = (quadrant: KraljicQuadrant): Marker[] => [
    ...(mine === quadrant ? [{ label: mineLabel, mine: true }] : []),
    ...(theirs === quadrant ? [{ label: theirsLabel, mine: false }] : []),
  ];
  return (
    <div className="kraljic">
      <div className="kraljic-y" aria-hidden="true">
        <span>Business impact</span>
      </div>
      <ul
        className="kraljic-grid"
        aria-label="Kraljic matrix: business impact (high on top) by supply risk (high on the right)"
      >
        {CELLS.map((quadrant) => {
          const info = KRALJIC_QUADRANT_INFO[quadrant];
          const markers = markersOf(quadrant);
          return (
            <li
              key={quadrant}
              className={`kraljic-cell kraljic-${quadrant}${markers.some((m) => m.mine) ? ' is-mine' : ''}`}
            >
              <span className="kraljic-name">{info.label}</span>
              <span className="kraljic-explanation">{info.explanation}</span>
              <span className="kraljic-class">
                {info.purchaseClass === 'strategic' ? 'Strategic purchase' : 'Commodity purchase'}
              </span>
              {markers.length ? (
                <span className="kraljic-markers">
                  {markers.map((marker) => (
                    <span key={marker.label} className={`marker${marker.mine ? ' marker-mine' : ''}`}>
                      {marker.label}
                    </span>
                  ))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="kraljic-x" aria-hidden="true">
        <span>low</span>
        <span>Supply risk</span>
        <span>high</span>
      </div>
    </div>
  );
}
