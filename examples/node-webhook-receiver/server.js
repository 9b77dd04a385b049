// A CircoFlows webhook receiver with Node's built-in modules only.
//
//   PORT=8080 CIRCOFLOWS_WEBHOOK_SECRET=whsec_... node server.js
//
// Every POST is checked against the Standard Webhooks signature before anything in it is believed:
// 2xx for a verified delivery, 400 for anything else. One log line per delivery (type and id, never the
// payload: it describes a customer's payment).
'use strict';

const http = require('node:http');
const crypto = require('node:crypto');

const TOLERANCE_SECONDS = 5 * 60;
const MAX_BODY_BYTES = 1024 * 1024;

const port = Number(process.env.PORT || 8080);
const secrets = (process.env.CIRCOFLOWS_WEBHOOK_SECRET || '').split(',').map((s) => s.trim()).filter(Boolean);
if (secrets.length === 0) {
  console.error('Set CIRCOFLOWS_WEBHOOK_SECRET to your webhook secret (whsec_...); during a rotation, both, comma-separated.');
  process.exit(2);
}
const keys = secrets.map((secret) => Buffer.from(secret.replace(/^whsec_/, ''), 'base64'));

// Returns the event when one of the webhook-signature entries was made with one of our secrets over
// "webhook-id.webhook-timestamp.raw body" and the timestamp is recent; null otherwise.
function verify(headers, rawBody, nowSeconds) {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatureHeader = headers['webhook-signature'];
  if (!id || !timestamp || !signatureHeader || !/^\d+$/.test(timestamp)) {
    return null;
  }
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS) {
    return null; // an old delivery replayed, or a wrong clock
  }
  const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), rawBody]);
  // Several space-separated "v1,<base64>" entries while a secret is being rotated: one match is enough.
  const candidates = signatureHeader.split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  let matched = false;
  for (const key of keys) {
    const expected = crypto.createHmac('sha256', key).update(signed).digest();
    for (const candidate of candidates) {
      // timingSafeEqual needs equal lengths; a length says nothing about the secret.
      if (candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected)) {
        matched = true;
      }
    }
  }
  if (!matched) {
    return null;
  }
  try {
    const event = JSON.parse(rawBody.toString('utf8'));
    return event && typeof event.id === 'string' && typeof event.type === 'string' ? event : null;
  } catch (notJson) {
    return null;
  }
}

const server = http.createServer((request, response) => {
  if (request.method !== 'POST') {
    response.writeHead(405, { Allow: 'POST' }).end();
    return;
  }
  const chunks = [];
  let size = 0;
  request.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      response.writeHead(413).end();
      request.destroy();
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    // The raw bytes, as signed: verify before parsing.
    const event = verify(request.headers, Buffer.concat(chunks), Math.floor(Date.now() / 1000));
    if (!event) {
      console.log(`refused delivery ${request.headers['webhook-id'] || '(no webhook-id)'}: signature did not verify`);
      response.writeHead(400, { 'Content-Type': 'text/plain' }).end('invalid signature\n');
      return;
    }
    // Deliveries are at least once: deduplicate on event.id before acting on it (ship on payment.succeeded).
    console.log(`verified ${event.type} ${event.id}`);
    response.writeHead(204).end();
  });
});

server.listen(port, () => {
  console.log(`CircoFlows webhook receiver listening on http://localhost:${server.address().port}/`);
});
