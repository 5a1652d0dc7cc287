/**
 * Which Chromium drives the end-to-end tests, the benchmark and the screenshots, found once:
 *
 * 1. `CHROMIUM_PATH`, when set;
 * 2. the system's Chromium or Chrome, when there is one;
 * 3. otherwise the headless Chromium that the npm package `@sparticuz/chromium` carries inside
 *    its own tarball (so `npm ci` brings it like any package: nothing is downloaded from
 *    elsewhere). It is unpacked once into `node_modules/.cache/`, with the NSS, NSPR and expat
 *    libraries the package ships for machines without them, and its fonts.
 *
 * The app ships its own font (Atkinson Hyperlegible), so text measures the same in either.
 */
import { spawn } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

export interface ChromiumChoice {
  executablePath: string;
  /** One line for the test output: which browser, from where. */
  description: string;
  /** Extra command-line switches this build needs. */
  args: string[];
  /** Environment the browser process starts with (libraries and fonts for the bundled one). */
  env?: Record<string, string>;
}

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const BUNDLED = '@sparticuz/chromium';
const CACHE_ROOT = resolve('node_modules/.cache/consultation-atlas-chromium');

let choice: Promise<ChromiumChoice> | undefined;

/** The Chromium to use, resolved (and the bundled one unpacked) at most once per process. */
export function findChromium(): Promise<ChromiumChoice> {
  choice ??= resolveChromium();
  return choice;
}

async function resolveChromium(): Promise<ChromiumChoice> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
    return { executablePath: fromEnv, description: `${fromEnv} (from CHROMIUM_PATH)`, args: [] };
  }
  const system = SYSTEM_CANDIDATES.find((path) => existsSync(path));
  if (system) return { executablePath: system, description: `${system} (the system's)`, args: [] };
  return bundledChromium();
}

/** Unpacks the package's brotli archives into a versioned cache folder, once. */
async function bundledChromium(): Promise<ChromiumChoice> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No Chromium found for the end-to-end tests, and the one ${BUNDLED} ships runs on Linux x64 only. ` +
        'Install Chromium or Chrome, or set CHROMIUM_PATH to its executable.',
    );
  }
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    // The package's exports hide its package.json: walk up from its entry point.
    let folder = dirname(require.resolve(BUNDLED));
    while (!existsSync(join(folder, 'bin', 'chromium.br')) && dirname(folder) !== folder) folder = dirname(folder);
    packageJson = join(folder, 'package.json');
  } catch {
    throw new Error(
      `No Chromium found for the end-to-end tests, and ${BUNDLED} is not installed: run \`npm ci\`, ` +
        'install Chromium, or set CHROMIUM_PATH to its executable.',
    );
  }
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const bin = join(dirname(packageJson), 'bin');
  const folder = join(CACHE_ROOT, version);
  const done = join(folder, '.unpacked');
  if (!existsSync(done)) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    await Promise.all([
      unbrotli(join(bin, 'chromium.br'), join(folder, 'chromium'), 0o755),
      untar(join(bin, 'fonts.tar.br'), join(folder, 'fonts')),
      untar(join(bin, 'al2023.tar.br'), join(folder, 'al2023')),
    ]);
    // The package's font configuration names its own Lambda folders; this one names ours.
    writeFileSync(
      join(folder, 'fonts.conf'),
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
        `  <dir>${join(folder, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n` +
        `  <cachedir>${join(folder, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
    writeFileSync(done, `${version}\n`);
  }
  const libraries = join(folder, 'al2023', 'lib');
  return {
    executablePath: join(folder, 'chromium'),
    description: `the headless Chromium shipped in ${BUNDLED} ${version} (no system Chromium found)`,
    // Its headless shell runs without a zygote process.
    args: ['--no-zygote'],
    env: {
      LD_LIBRARY_PATH: [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(folder, 'fonts.conf'),
    },
  };
}

/** A brotli-compressed file, decompressed. */
async function unbrotli(from: string, to: string, mode: number): Promise<void> {
  await pipeline(createReadStream(from), createBrotliDecompress(), createWriteStream(to, { mode }));
}

/** A brotli-compressed tar archive, unpacked into a folder by the system's `tar`. */
async function untar(from: string, into: string): Promise<void> {
  mkdirSync(into, { recursive: true });
  const archive = `${into}.tar`;
  await unbrotli(from, archive, 0o644);
  await new Promise<void>((done, fail) => {
    const tar = spawn('tar', ['-x', '-f', archive, '-C', into], { stdio: 'inherit' });
    tar.once('error', fail);
    tar.once('close', (code) => (code === 0 ? done() : fail(new Error(`tar exited with ${code} unpacking ${from}`))));
  });
  rmSync(archive);
}
