// @ts-check
/**
 * `npm run package`: the store packages, dist/page-outreach-<browser>-<version>.zip, from the builds in
 * dist/chrome and dist/firefox. Zips are written here rather than by a zip tool so that they are
 * reproducible: entries in sorted order, fixed timestamps and attributes, deflated by Node's zlib, so
 * the same sources (and Node version) give byte-identical packages.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const BROWSERS = ['chrome', 'firefox'];
/** 1980-01-01 00:00, the earliest date a zip can hold: no build time leaks into the package. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const VERSION_NEEDED = 20;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Regular file, rw-r--r--, as Unix attributes in the high half of the external attributes. */
const FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;
const MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;

/** Every file under `dir`, as zip paths (forward slashes), sorted. */
function filesOf(/** @type {string} */ dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** A zip of everything under `dir`, the same bytes for the same files. */
export function zipDirectory(/** @type {string} */ dir) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const path of filesOf(dir)) {
    const data = readFileSync(join(dir, path));
    const compressed = deflateRawSync(data, { level: 9 });
    const name = Buffer.from(path, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    local.copy(central, 6, 4, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(FILE_ATTRIBUTES, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function packageName(/** @type {string} */ browser, /** @type {string} */ version) {
  return `page-outreach-${browser}-${version}.zip`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
  for (const browser of BROWSERS) {
    const build = resolve('dist', browser);
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
    if (manifest.version !== version)
      throw new Error(`${build} is version ${manifest.version}, not ${version}`);
    const target = resolve('dist', packageName(browser, version));
    writeFileSync(target, zipDirectory(build));
    console.log(target);
  }
}
