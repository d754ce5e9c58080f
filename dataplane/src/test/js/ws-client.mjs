// Scenarios of the graphql-transport-ws protocol against a TES data plane, with the graphql-ws
// client (and the plain ws socket for protocol violations). Usage:
//   node ws-client.mjs <scenario> <http base url> <json args>
// Prints one JSON object with what was observed; the Java test judges it.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [scenario, base, argsJson] = process.argv.slice(2);
const args = JSON.parse(argsJson ?? '{}');
const wsUrl = base.replace(/^http/, 'ws') + '/graphql';

function client(key) {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
    lazy: true,
  });
}

async function emit(key, subject, n) {
  const body = JSON.stringify({
    specversion: '1.0', source: '/ws-test', type: 'thing.updated', subject, data: { n },
  });
  const res = await fetch(`${base}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json', authorization: `Bearer ${key}` },
    body,
  });
  if (res.status !== 201) throw new Error(`emit answered ${res.status}: ${await res.text()}`);
  return (await res.json()).events[0].position;
}

// Subscribes (from a position, or live), emits events over HTTP, collects them, completes.
async function live() {
  const { key, subject, count, afterPosition } = args;
  const c = client(key);
  const received = [];
  const emitted = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const variables = { filter: { subjects: [subject] } };
  if (afterPosition !== undefined) variables.after = afterPosition;
  const unsubscribe = c.subscribe(
    {
      query: `subscription($filter: EventFilter, $after: Long) {
        events(filter: $filter, afterPosition: $after) { position subject data }
      }`,
      variables,
    },
    {
      next: (value) => {
        if (value.errors) received.push({ errors: value.errors });
        else received.push(value.data.events);
        if (received.length >= count) done();
      },
      error: (e) => { received.push({ error: String(e?.code ?? e?.message ?? e) }); done(); },
      complete: () => done(),
    },
  );
  if (afterPosition !== undefined) {
    for (let i = 0; i < count; i++) emitted.push(await emit(key, subject, i));
  } else {
    // A live subscription starts when the server handles it; emit until the first arrives.
    let i = 0;
    while (received.length === 0 && i < 200) {
      emitted.push(await emit(key, subject, i++));
      await new Promise((r) => setTimeout(r, 20));
    }
    // Enough events after the first one seen for `count` to arrive.
    for (let k = 0; k < count; k++) emitted.push(await emit(key, subject, i++));
  }
  const timeout = setTimeout(done, 10000);
  await finished;
  clearTimeout(timeout);
  unsubscribe();
  await c.dispose();
  return { emitted, received };
}

// Follows one thing while events change it.
async function thing() {
  const { key, subject, count } = args;
  const c = client(key);
  const received = [];
  let done;
  const finished = new Promise((resolve) => (done = resolve));
  const unsubscribe = c.subscribe(
    {
      query: `subscription($id: ID!) {
        thingChanged(id: $id) { thing { id version state } event { position streamVersion } }
      }`,
      variables: { id: subject },
    },
    {
      next: (value) => {
        received.push(value.data?.thingChanged ?? { errors: value.errors });
        if (received.length >= count) done();
      },
      error: (e) => { received.push({ error: String(e?.code ?? e) }); done(); },
      complete: () => done(),
    },
  );
  let i = 0;
  while (received.length === 0 && i < 200) {
    await emit(key, subject, i++);
    await new Promise((r) => setTimeout(r, 20));
  }
  const timeout = setTimeout(done, 10000);
  while (received.length < count && i < 400) {
    await emit(key, subject, i++);
  }
  await finished;
  clearTimeout(timeout);
  unsubscribe();
  await c.dispose();
  return { received };
}

// A query and a refused operation over the same client.
async function operations() {
  const { key, readOnlyKey } = args;
  const result = {};
  const c = client(key);
  result.query = await new Promise((resolve) => {
    const out = [];
    c.subscribe({ query: '{ stats { tenant } }' }, {
      next: (v) => out.push(v), error: (e) => resolve({ error: e }), complete: () => resolve(out),
    });
  });
  result.invalid = await new Promise((resolve) => {
    c.subscribe({ query: '{ nope }' }, {
      next: (v) => resolve({ next: v }),
      error: (e) => resolve({ errors: e }),
      complete: () => resolve({ completed: true }),
    });
  });
  await c.dispose();
  const r = client(readOnlyKey);
  result.forbidden = await new Promise((resolve) => {
    r.subscribe(
      { query: 'mutation { emitEvent(event: {source: "/x", type: "t"}) { __typename } }' },
      { next: (v) => resolve({ next: v }), error: (e) => resolve({ errors: e }), complete: () => {} },
    );
  });
  await r.dispose();
  return result;
}

// Raw protocol exchanges that a well-behaved client never makes: each returns the close code.
function raw(messages, { protocol = 'graphql-transport-ws', waitForClose = 8000 } = {}) {
  return new Promise((resolve) => {
    const socket = protocol ? new WebSocket(wsUrl, protocol) : new WebSocket(wsUrl);
    const seen = [];
    const timer = setTimeout(() => { socket.terminate(); resolve({ code: null, seen }); }, waitForClose);
    socket.on('open', async () => {
      for (const m of messages) {
        socket.send(typeof m === 'string' ? m : JSON.stringify(m));
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    socket.on('message', (data) => seen.push(JSON.parse(String(data))));
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: String(reason), seen });
    });
    socket.on('error', () => {});
  });
}

async function closeCodes() {
  const { key } = args;
  const init = { type: 'connection_init', payload: { authorization: `Bearer ${key}` } };
  const sub = (id) => ({ id, type: 'subscribe', payload: { query: 'subscription { events { position } }' } });
  const [notJson, unknownType, subscribeFirst, badKey, noInit, twoInits, sameId, noSubprotocol] =
    await Promise.all([
      raw([init, 'not json']),
      raw([init, { type: 'shout' }]),
      raw([sub('1')]),
      raw([{ type: 'connection_init', payload: { authorization: 'Bearer tes_other_nope' } }]),
      raw([]),
      raw([init, init]),
      raw([init, sub('a'), sub('a')]),
      raw([init], { protocol: null }),
    ]);
  return { notJson, unknownType, subscribeFirst, badKey, noInit, twoInits, sameId, noSubprotocol };
}

const scenarios = { live, thing, operations, closeCodes };
try {
  console.log(JSON.stringify(await scenarios[scenario]()));
  process.exit(0);
} catch (e) {
  console.log(JSON.stringify({ failure: String(e?.stack ?? e) }));
  process.exit(1);
}
