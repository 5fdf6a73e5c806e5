// Drives `galley serve`'s review page and `galley check --format html`'s report in the system's
// headless Chromium through puppeteer-core (pinned in package-lock.json).
//
// Usage: node review_test.js GALLEY_BINARY REPO_ROOT
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium, or `npm ci` not run here).
'use strict';

const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const kSkip = 77;
const [galley, repoRoot] = process.argv.slice(2);

function skip(why) {
  console.log(`review_test: SKIPPED: ${why}`);
  process.exit(kSkip);
}

function findChromium() {
  if (process.env.GALLEY_CHROMIUM) return process.env.GALLEY_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

let puppeteer;
try {
  puppeteer = require('puppeteer-core');
} catch {
  skip("puppeteer-core is not installed: run 'npm ci' in tests/browser (.ci/bootstrap.sh does)");
}
const chromium = findChromium();
if (!chromium) skip("no Chromium found: install Debian's 'chromium' (.ci/bootstrap.sh does) or set GALLEY_CHROMIUM");
if (!galley || !repoRoot) {
  console.error('usage: node review_test.js GALLEY_BINARY REPO_ROOT');
  process.exit(1);
}

// A draft with a title written without its hyphen (safe fix) and a signing city the fact base
// contradicts (a fact finding citing its source).
const kPasted = [
  '# Talks in Vienna',
  '',
  'The UN Under-Secretary General received the delegation.',
  '',
  'The Shanghai Convention on Combating Terrorism, Separatism and Extremism, signed in Astana, guides the work.',
  '',
].join('\n');
const kFolderDraft = '# Note\n\nThe Under-Secretary General will attend the meeting.\n';

// Starts `galley serve FOLDER --port 0` and resolves with its address (the first stdout line).
function startServer(folder) {
  const child = spawn(galley, ['serve', '--no-config', folder], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('galley serve printed no address within 30 s')), 30000);
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (!match) reject(new Error(`unexpected first line: ${line}`));
      else resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`galley serve exited with ${code}`)));
  });
}

async function waitFor(page, predicate, what, ...args) {
  try {
    await page.waitForFunction(predicate, { timeout: 15000 }, ...args);
  } catch (error) {
    const shown = await page.$eval('#status', (node) => node.textContent).catch(() => '?');
    throw new Error(`timed out waiting for ${what} (page status: '${shown}'): ${error.message}`);
  }
}

// Every finding's underline covers exactly the text [from, to) the API gave for it.
async function underlinesMatchFindings(page) {
  return page.evaluate(() => {
    const text = document.getElementById('text').value;
    const marks = [...document.querySelectorAll('#draft mark')];
    const items = [...document.querySelectorAll('#findings li')];
    return items.map((li) => {
      const index = li.dataset.index;
      const covering = marks.filter((m) => m.dataset.ids.split(' ').includes(index));
      return { message: li.querySelector('.message').textContent, underlined: covering.map((m) => m.textContent).join(''),
        severity: li.className, markClass: covering.length ? covering[0].className : '', text };
    });
  });
}

async function reviewPage(browser, url, folder) {
  const page = await browser.newPage();
  const foreign = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(url) && !request.url().startsWith('blob:')) foreign.push(request.url());
  });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url, { waitUntil: 'networkidle0' });

  // 1. Paste a draft: the findings are underlined at the right words.
  await page.$eval('#text', (area, text) => { area.value = text; }, kPasted);
  await page.click('#check');
  await waitFor(page, () => document.querySelectorAll('#findings li').length >= 2, 'two findings');
  const shown = await underlinesMatchFindings(page);
  const underlined = shown.map((f) => f.underlined);
  assert.ok(underlined.includes('Under-Secretary General'), `title underlined: ${JSON.stringify(underlined)}`);
  assert.ok(underlined.includes('Astana'), `signing city underlined: ${JSON.stringify(underlined)}`);
  for (const f of shown) assert.ok(f.markClass.split(' ').includes(f.severity), `underline colour is the severity: ${JSON.stringify(f)}`);

  // 2. Hover the fact finding: the card names the fact's source with its link.
  const astana = await page.evaluateHandle(() => [...document.querySelectorAll('#draft mark')].find((m) => m.textContent === 'Astana'));
  await astana.hover();
  await waitFor(page, () => !document.getElementById('tip').hidden && document.querySelector('#tip a.source'), 'the hover card');
  const source = await page.$eval('#tip a.source', (a) => ({ title: a.textContent, href: a.getAttribute('href') }));
  assert.match(source.href, /^https?:\/\//, 'the source is a web link');
  assert.ok(source.title.length > 10 && !source.title.startsWith('http'), `the source's title is shown: ${source.title}`);
  const card = await page.$eval('#tip', (tip) => tip.textContent);
  assert.match(card, /\[sco-un\.fact\]/, 'the card names the rule');

  // The card goes away once the pointer leaves the underline.
  await page.mouse.move(1, 1);
  await waitFor(page, () => document.getElementById('tip').hidden, 'the hover card to close');

  // 3. Apply the title's safe fix: its finding disappears, the text changes.
  const applyButton = await page.evaluateHandle(() => [...document.querySelectorAll('#findings li')]
    .find((li) => li.querySelector('.rule').textContent === '[un-style.title-hyphenation]').querySelector('button.apply'));
  await applyButton.click();
  await waitFor(page, () => ![...document.querySelectorAll('#findings li .rule')].some((r) => r.textContent === '[un-style.title-hyphenation]'),
    'the fixed finding to disappear');
  const fixedText = await page.$eval('#text', (area) => area.value);
  assert.ok(fixedText.includes('UN Under-Secretary-General received'), 'the fix is in the text');
  assert.ok((await underlinesMatchFindings(page)).some((f) => f.underlined === 'Astana'), 'the other finding stays');

  // 4. Download the fixed draft.
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-downloads-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  await page.click('#download');
  const downloaded = path.join(downloads, 'pasted.md');
  for (let i = 0; i < 100 && !fs.existsSync(downloaded); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(fs.readFileSync(downloaded, 'utf8'), fixedText, 'the download is the fixed draft');

  // 5. Open a folder draft, fix it, see the diff, save it.
  await waitFor(page, () => document.querySelector('#files button[data-path="notes/plan.md"]'), 'the folder list');
  await page.click('#files button[data-path="notes/plan.md"]');
  await waitFor(page, () => document.getElementById('name').value === 'notes/plan.md' &&
    !document.getElementById('save').hidden && document.querySelectorAll('#findings li').length === 1, 'the opened draft');
  await page.click('#fix-all');
  await waitFor(page, () => document.getElementById('text').value.includes('Under-Secretary-General will'), 'the fixes');
  await page.click('#save');
  await waitFor(page, () => !document.getElementById('diff-dialog').hidden, 'the diff');
  const diff = await page.$eval('#diff', (pre) => [...pre.children].map((d) => `${d.className}|${d.textContent}`));
  assert.deepEqual(diff, ['del|- The Under-Secretary General will attend the meeting.',
    'add|+ The Under-Secretary-General will attend the meeting.']);
  assert.equal(fs.readFileSync(path.join(folder, 'notes/plan.md'), 'utf8'), kFolderDraft, 'nothing written before confirming');
  await page.click('#save-confirm');
  await waitFor(page, () => /^Saved/.test(document.getElementById('status').textContent), 'the save');
  assert.equal(fs.readFileSync(path.join(folder, 'notes/plan.md'), 'utf8'), kFolderDraft.replace('Secretary General', 'Secretary-General'));

  assert.deepEqual(foreign, [], 'the page loads nothing from elsewhere');
  assert.deepEqual(problems, [], 'no script errors');
  await page.close();
}

// The HTML report of the fixtures, with scripts off: every finding is there and underlined.
async function htmlReport(browser) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-report-'));
  const report = path.join(dir, 'report.html');
  const html = spawnSync(galley, ['check', '--no-cache', '--quiet', '--format', 'html', '--output', report, 'fixtures'], { cwd: repoRoot });
  assert.ok(html.status === 0 || html.status === 1, `galley check --format html: ${html.stderr}`);
  const json = spawnSync(galley, ['check', '--no-cache', '--quiet', '--format', 'json', 'fixtures'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 });
  const expected = JSON.parse(json.stdout).diagnostics;
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${report}`, { waitUntil: 'load' });
  const seen = await page.evaluate(() => [...document.querySelectorAll('section[data-path] .finding')].map((f) => {
    const mark = f.querySelector('mark');
    return { path: f.closest('section').dataset.path, line: Number(f.dataset.line), rule: f.dataset.rule,
      decoration: mark ? getComputedStyle(mark).textDecorationStyle : '', visible: mark ? mark.getBoundingClientRect().width >= 0 : false };
  }));
  assert.equal(seen.length, expected.length, 'every finding is in the report');
  expected.forEach((d, i) => {
    assert.deepEqual([seen[i].path, seen[i].line, seen[i].rule], [d.path, d.line, d.rule]);
    assert.equal(seen[i].decoration, 'wavy', `finding ${i} is underlined`);
  });
  assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), [], 'the report loads nothing');
  await page.close();
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'galley-serve-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes/plan.md'), kFolderDraft);
  const { child, url } = await startServer(folder);
  const args = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];
  if (process.getuid && process.getuid() === 0) args.push('--no-sandbox');  // Chromium's sandbox refuses root
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args });
  try {
    await reviewPage(browser, url, folder);
    console.log('review_test: review page: ok');
    await htmlReport(browser);
    console.log('review_test: HTML report: ok');
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(`review_test: FAILED: ${error.stack || error.message}`);
  process.exit(1);
});
