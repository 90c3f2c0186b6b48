// Shared set-up for the browser tests: one static server and one headless Chromium
// for the whole file, a fresh browser context per test, and helpers that act as a
// person would (paste, click, read what is on screen).
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { start } from '../../scripts/serve.mjs';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;

/** The sample articles with their gold annotations. */
export const ARTICLES = readdirSync(fixtures)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => {
    const id = f.replace(/\.txt$/, '');
    return {
      id,
      text: readFileSync(fixtures + f, 'utf8'),
      gold: JSON.parse(readFileSync(`${fixtures}${id}.gold.json`, 'utf8')),
    };
  });

/**
 * A long text of at least `length` characters made of the samples' sentences, three to a
 * paragraph and recombined so that no paragraph repeats another: the analyser sets repeated
 * paragraphs aside as duplicates, so the samples copied end to end would analyse as one.
 */
export function longText(length) {
  const sentences = ARTICLES.flatMap((a) => a.text.split('\n'))
    .filter((line) => line.split(' ').length > 8)
    .flatMap((line) => line.match(/[^.!?]+[.!?]+["”’]?/g) || [])
    .map((s) => s.trim())
    .filter((s) => s.split(' ').length > 4);
  const n = sentences.length;
  let text = '';
  for (let i = 0; text.length < length; i++) {
    const round = Math.floor(i / n);
    text += [i, i + 1 + round, i + 2 + 2 * round].map((k) => sentences[k % n]).join(' ') + '\n\n';
  }
  return text;
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error('no Chromium found: run `make test`, or set CHROMIUM_PATH');
}

export async function launch({ root } = {}) {
  const { server, url } = await start({ port: 0, root: root || process.env.WWW_ROOT });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Browser context options: a desktop window whose clipboard the page may use. */
export const CONTEXT = { viewport: { width: 1360, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] };

/** A new page on the app, ready to analyse. `options` go to browser.newContext. */
export async function openPage(env, options = {}) {
  const context = await env.browser.newContext({ ...CONTEXT, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  // Console errors include Content-Security-Policy violations and failed loads.
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(env.url);
  await waitReady(page);
  return { context, page, errors };
}

export async function waitReady(page) {
  // The analyser has loaded, and the first (empty) analysis has shown its message.
  await page.waitForFunction(
    () => document.documentElement.dataset.ready === 'true' && document.getElementById('message').textContent !== '',
  );
}

/** Copies `text`, pastes it over whatever is in the article box, and waits for its analysis. */
export async function paste(page, text) {
  const before = await analysedCount(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  if (!(await page.locator('#input').isVisible())) await page.locator('#tab-text').click();
  await page.locator('#input').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await waitAnalysed(page, before);
}

export async function waitAnalysed(page, before) {
  await page.waitForFunction(
    (b) => (document.documentElement.dataset.analysed || '0') !== b && !document.body.classList.contains('busy'),
    before,
  );
}

export async function analysedCount(page) {
  return page.evaluate(() => document.documentElement.dataset.analysed || '0');
}
