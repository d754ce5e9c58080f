// Runs the GraphQL over HTTP conformance audit of graphql-http against a TES data plane.
// Usage: node audit.mjs <url> <api key>. Prints one JSON line per audit and exits 1 when an
// audit did not pass (warnings included: TES passes every audit).
import { auditServer } from 'graphql-http';

const [url, key] = process.argv.slice(2);
const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${key}`);
  return fetch(input, { ...init, headers });
};

const results = await auditServer({ url, fetchFn });
let notOk = 0;
for (const result of results) {
  const line = { id: result.id, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    notOk++;
    line.reason = result.reason;
    if (result.response) {
      line.response = { status: result.response.status, body: await result.response.text() };
    }
  }
  console.log(JSON.stringify(line));
}
console.log(JSON.stringify({ summary: true, total: results.length, notOk }));
process.exit(notOk === 0 ? 0 : 1);
