// Builds the extension for Firefox and Chromium, says how to load each build, then runs the local probe.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const firefox = resolve(root, '.output/firefox-mv3');
const chrome = resolve(root, '.output/chrome-mv3');
for (const dir of [firefox, chrome]) {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    console.error(`Build output missing: ${dir}`);
    process.exit(1);
  }
}

const host = process.env.PROBE_HOST ?? '127.0.0.1';
const port = process.env.PROBE_PORT ?? '8787';
console.log(`
certglance is built.

Firefox (140 or newer, ESR included):
  1. Open about:debugging#/runtime/this-firefox
  2. Click "Load Temporary Add-on..." and choose
     ${firefox}/manifest.json
  (Or run: npx web-ext run --source-dir ${firefox})

Chromium, Chrome, Edge:
  1. Open chrome://extensions and switch on "Developer mode"
  2. Click "Load unpacked" and choose the folder
     ${chrome}

The probe (the extension's default) is starting on http://${host}:${port} ; Ctrl+C stops it.
`);

const probe = spawn(
  process.execPath,
  ['--import', 'tsx', resolve(root, 'probe/cli.ts'), 'serve', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => probe.kill(signal));
probe.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
