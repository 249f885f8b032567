import type { Side } from '@cg/domain';

/** The two portals: one web app, two faces. The path prefix decides which one a page belongs to. */
export interface PortalInfo {
  readonly key: 'supplier' | 'buyer';
  readonly side: Side;
  readonly name: string;
  readonly basePath: string;
  /** How people of this side are called in the other side's portal. */
  readonly noun: string;
  readonly organisationNoun: string;
  readonly tagline: string;
}

export const PORTALS: Readonly<Record<PortalInfo['key'], PortalInfo>> = {
  supplier: {
    key: 'supplier',
    side: 'sales',
    name: 'Supplier portal',
    basePath: '/supplier',
    noun: 'supplier',
    organisationNoun: 'sales organisation',
    tagline: 'For sales teams: learn where your buyer stands without showing your hand.',
  },
  buyer: {
    key: 'buyer',
    side: 'procurement',
    name: 'Buyer portal',
    basePath: '/buyer',
    noun: 'buyer',
    organisationNoun: 'procurement organisation',
    tagline: 'For procurement teams: test a supplier’s fit before the RFP, privately.',
  },
};

export function portalOfSide(side: Side): PortalInfo {
  return side === 'sales' ? PORTALS.supplier : PORTALS.buyer;
}

export function portalOfPath(pathname: string): PortalInfo | undefined {
  return Object.values(PORTALS).find(
    (portal) => pathname === portal.basePath || pathname.startsWith(`${portal.basePath}/`),
  );
}
