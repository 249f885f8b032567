import type { Schemas } from '@cg/sdk';
import t from 'tap';
import { fieldErrors, problemSlug, unplacedErrors } from '../src/api.js';
import { type Deal, describeEvent, sideName } from '../src/labels.js';
import { portalOfPath, portalOfSide } from '../src/portals.js';
import { matchPath } from '../src/router.js';

const problem = (errors: { path: string; message: string }[]): Schemas['Problem'] => ({
  type: '/problems/validation-failed',
  title: 'The request is not valid',
  status: 400,
  detail: 'See errors.',
  errors,
});

t.test('when the API lists validation issues, then each lands on its field by JSON Pointer', async (t) => {
  const errors = fieldErrors(
    problem([
      { path: '/body/objectives/1/category', message: 'Objective categories must be distinct.' },
      { path: '/body/title', message: 'must not be empty' },
      { path: '/body/title', message: 'is too long' },
      { path: '/body', message: 'must change at least one field' },
    ]),
  );
  t.same(errors, {
    'objectives/1/category': 'Objective categories must be distinct.',
    title: 'must not be empty is too long',
    '': 'must change at least one field',
  });
  t.same(fieldErrors(undefined), {});
});

t.test('when an issue names no field of the form, then it is listed above the form', async (t) => {
  const issues = problem([
    { path: '/body/title', message: 'must not be empty' },
    { path: '/body/value/amount', message: 'must have at most two decimals' },
  ]);
  t.same(unplacedErrors(issues, ['title']), ['value › amount: must have at most two decimals']);
  t.same(unplacedErrors(issues, ['title', 'value/amount']), []);
  t.equal(problemSlug({ ...issues, type: '/problems/round-budget-exhausted' }), 'round-budget-exhausted');
});

t.test('when a path is matched, then parameters are decoded and lengths must agree', async (t) => {
  t.same(matchPath('/supplier/deals/:dealId', '/supplier/deals/deal_1'), { dealId: 'deal_1' });
  t.same(matchPath('/supplier/deals/:dealId', '/supplier/deals/a%20b'), { dealId: 'a b' });
  t.equal(matchPath('/supplier/deals/:dealId', '/supplier/deals/deal_1/assessment'), null);
  t.equal(matchPath('/supplier/deals/:dealId', '/buyer/deals/deal_1'), null);
});

t.test('when a path is under a portal, then the portal and its side follow', async (t) => {
  t.equal(portalOfPath('/supplier')?.side, 'sales');
  t.equal(portalOfPath('/buyer/deals/x')?.side, 'procurement');
  t.equal(portalOfPath('/buyers'), undefined);
  t.equal(portalOfPath('/'), undefined);
  t.equal(portalOfSide('procurement').basePath, '/buyer');
});

const deal = {
  parties: { sales: { id: 'org_s', name: 'Acme' }, procurement: null },
} as unknown as Deal;

const event = (type: Schemas['DealEvent']['type'], side: Schemas['Side'] | null, data = {}) => ({
  id: 'evt_1',
  type,
  occurredAt: '2026-11-29T10:00:00Z',
  side,
  data,
});

t.test('when the timeline is worded, then it speaks to the reader and names only shared data', async (t) => {
  t.equal(sideName(deal, 'sales', 'sales'), 'you');
  t.equal(sideName(deal, 'sales', 'procurement'), 'Acme (supplier)');
  t.equal(sideName(deal, 'procurement', 'sales'), 'the buyer');
  t.equal(
    describeEvent(event('deal.created', 'sales'), deal, 'procurement'),
    'Acme (supplier) created the deal',
  );
  t.equal(describeEvent(event('round.opened', 'sales', { round: 2 }), deal, 'sales'), 'You opened round 2');
  t.equal(
    describeEvent(event('alignment.ready', null, { round: 1, version: 1 }), deal, 'sales'),
    'The alignment report is ready (round 1)',
  );
  const titles = new Map([['ms_1', 'Security review']]);
  t.equal(
    describeEvent(
      event('milestone.changed', 'procurement', { milestoneId: 'ms_1', status: 'done', fields: ['status'] }),
      deal,
      'sales',
      titles,
    ),
    'The buyer marked the milestone “Security review” as done',
  );
  t.equal(
    describeEvent(
      event('milestone.created', 'sales', { milestoneId: 'ms_2', status: 'open' }),
      deal,
      'sales',
      titles,
    ),
    'You added a milestone',
  );
  t.equal(
    describeEvent(event('deal.closed', 'sales', { status: 'won' }), deal, 'sales'),
    'You closed the deal as won',
  );
});
