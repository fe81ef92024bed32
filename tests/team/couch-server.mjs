/**
 * A CouchDB-compatible server for the team tests: express-pouchdb over in-memory PouchDB, run as its
 * own process on loopback. It listens on a free port, makes `owner` (password $COUCH_OWNER_PASSWORD)
 * the server admin, and prints `{"url": …}` on one line once it answers. Nothing touches the disk.
 */
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';
import { installCouchRules } from './couch-rules.mjs';

const MemoryPouch = PouchDB.plugin(memory).plugin(http).plugin(mapreduce).plugin(replication).defaults({
  adapter: 'memory',
});
const password = process.env.COUCH_OWNER_PASSWORD ?? 'owner-password';
const ownerAuth = `Basic ${Buffer.from(`owner:${password}`).toString('base64')}`;
const app = express();
// express-pouchdb 4.2 crashes the whole process on a database created by anyone but a server admin;
// CouchDB refuses that with 401, and so does this.
app.use(
  /** @type {(request: any, response: any, next: () => void) => void} */
  (request, response, next) => {
    const createsDatabase = request.method === 'PUT' && /^\/[^/_][^/]*\/?$/.test(request.path);
    if (createsDatabase && request.headers.authorization !== ownerAuth)
      return response.status(401).json({ error: 'unauthorized', reason: 'You are not a server admin.' });
    next();
  },
);
// Tests take the server off the network and back (`PUT /_test/network` `{"online": false}`): while
// off, every other request has its connection dropped, as a server that went away would; with
// `{"online": "hang"}` requests are taken and never answered, as an overloaded server's; with
// `{"online": "gateway"}` a gateway in front of it refuses every request with its own 403 page.
/** @type {true | false | 'hang' | 'gateway'} */
let online = true;
app.put(
  '/_test/network',
  express.json(),
  /** @type {(request: any, response: any) => void} */
  (request, response) => {
    const wanted = request.body.online;
    online = wanted === 'hang' || wanted === 'gateway' ? wanted : wanted !== false;
    response.json({ online });
  },
);
app.use(
  /** @type {(request: any, response: any, next: () => void) => void} */
  (request, response, next) => {
    if (online === true) next();
    else if (online === false) request.socket.destroy();
    else if (online === 'gateway') response.status(403).type('html').send('<h1>403 Forbidden</h1>');
  },
);
const couch = expressPouchDB(MemoryPouch, {
  mode: 'fullCouchDB',
  inMemoryConfig: true,
  logPath: '/dev/null',
  // Its validation differs from CouchDB's where the team's rules depend on it: couch-rules.mjs.
  overrideMode: { exclude: ['validation'] },
});
couch.dbWrapper.registerWrapper(
  /** @type {(name: string, db: unknown, next: () => void) => void} */
  (_name, db, next) => {
    installCouchRules(db);
    next();
  },
);
app.use('/', couch);
const server = app.listen(0, '127.0.0.1', async () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // Until a server admin exists everyone is one ("admin party"): end it, as CouchDB 3 does.
  const made = await fetch(`${url}/_config/admins/owner`, { method: 'PUT', body: JSON.stringify(password) });
  if (!made.ok) throw new Error(`could not make the server admin: ${made.status}`);
  console.log(JSON.stringify({ url }));
});
