import t from 'tap';
import { EventStreamReader } from '../src/live.js';

/*
 * The portal's reader of the deal stream (`src/live.ts`), held to the event stream format of
 * WHATWG HTML §9.2.6 with the shapes the API sends and the ones the network may cut them into.
 */

t.test(
  'when the stream opens, then its retry and its starting id are kept and nothing is an event',
  async (t) => {
    const reader = new EventStreamReader();
    t.same(reader.push('retry: 2000\n: the live timeline of deal_1\n\nid: evt_1\n\n'), []);
    t.equal(reader.retryMs, 2000);
    t.equal(reader.lastEventId, 'evt_1', 'a bare id still moves where a reconnect resumes');
  },
);

t.test('when an event arrives cut into pieces, then it is whole once its blank line arrives', async (t) => {
  const reader = new EventStreamReader();
  const frame = 'id: evt_2\r\nevent: timeline\r\ndata: {"id":"evt_2","type":"milestone.created"}\r\n\r\n';
  const events = [...frame].flatMap((char) => reader.push(char));
  t.same(events, [{ type: 'timeline', data: '{"id":"evt_2","type":"milestone.created"}' }]);
  t.equal(reader.lastEventId, 'evt_2');
});

t.test(
  'when comments, unknown fields and multi-line data come, then only data lines make the event',
  async (t) => {
    const reader = new EventStreamReader();
    const events = reader.push(': heartbeat\n\nfoo: bar\ndata:one\ndata: two\n\ndata\n\n');
    t.same(events, [
      { type: 'message', data: 'one\ntwo' },
      { type: 'message', data: '' },
    ]);
    t.equal(reader.lastEventId, '', 'no id was sent');
  },
);
