#!/usr/bin/env node
// Checks that the browsers the end-to-end tests drive are installed; on Debian as root it installs them.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const BROWSERS = {
  chromium: { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  firefox: { path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(BROWSERS)) {
  const b = BROWSERS[name];
  if (!b) throw new Error(`unknown browser ${name}`);
  if (existsSync(b.path)) continue;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `\n${name} is not installed (looked for ${b.path}).\nInstall it with:\n  sudo apt-get update && sudo apt-get install -y ${b.pkg}\n` +
        `or point ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} at an installed binary.\n`,
    );
    process.exit(1);
  }
  console.log(`Installing ${b.pkg} (apt-get)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', b.pkg], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
