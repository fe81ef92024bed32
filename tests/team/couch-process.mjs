// @ts-check
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('couch-server.mjs', import.meta.url));

/**
 * @typedef {{
 *   url: string;
 *   admin: { user: string; password: string };
 *   setOnline(online: boolean | 'hang' | 'gateway'): Promise<void>;
 *   stop(): Promise<void>;
 * }} CouchServer
 */

/**
 * Starts the team tests' CouchDB-compatible server as a separate process on loopback and waits until
 * it answers; `stop()` ends that process. With $TEAM_COUCH_URL (and $TEAM_COUCH_ADMIN,
 * $TEAM_COUCH_PASSWORD) the tests use that real CouchDB instead, and `stop()` leaves it running.
 * @returns {Promise<CouchServer>}
 */
export async function startCouchServer() {
  if (process.env.TEAM_COUCH_URL) {
    return {
      url: process.env.TEAM_COUCH_URL.replace(/\/+$/, ''),
      admin: {
        user: process.env.TEAM_COUCH_ADMIN ?? 'admin',
        password: process.env.TEAM_COUCH_PASSWORD ?? '',
      },
      setOnline: async () => {
        throw new Error('a real CouchDB cannot be taken off the network by the tests');
      },
      stop: async () => undefined,
    };
  }
  const password = `owner-${crypto.randomUUID()}`;
  const child = spawn(process.execPath, [LAUNCHER], {
    env: { ...process.env, COUCH_OWNER_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
  const exited = once(child, 'exit').then(() => {
    throw new Error('the team test server exited before it answered');
  });
  const [line] = await Promise.race([once(lines, 'line'), exited]);
  const { url } = JSON.parse(line);
  return {
    url,
    admin: { user: 'owner', password },
    async setOnline(online) {
      const response = await fetch(`${url}/_test/network`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ online }),
      });
      if (!response.ok) throw new Error(`the test server did not switch to ${JSON.stringify(online)}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill();
      await once(child, 'exit');
    },
  };
}
