#!/usr/bin/env node
// Builds tenants/talent/src/main/resources/profile/vocabulary.tsv from public lists.
// Usage (from the repository root; see README.md beside this file):
//   apt-get install -y wamerican          # Debian's English word list, /usr/share/dict/american-english
//   node tenants/talent/vocabulary/update.mjs
// The npm packages are installed into a temporary directory at the pinned versions below, so
// a re-run gives the same file until someone raises a version.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const resources = path.resolve(here, '../src/main/resources/profile');
const SOURCES = {
  'linguist-languages': '9.5.0',
  'simple-icons': '16.37.0',
  'aws-sdk': '2.1693.0',
};
const WORDS = process.env.WORDS ?? '/usr/share/dict/american-english';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'proxima-vocabulary-'));
fs.writeFileSync(path.join(tmp, 'package.json'), '{"private":true}');
execFileSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--silent',
    ...Object.entries(SOURCES).map(([name, version]) => `${name}@${version}`)],
  { cwd: tmp, stdio: 'inherit' },
);
const modules = path.join(tmp, 'node_modules');
const licence = (name) => JSON.parse(fs.readFileSync(path.join(modules, name, 'package.json'))).license;

// --- the English word list: which names are also ordinary words or proper nouns
if (!fs.existsSync(WORDS)) {
  throw new Error(`${WORDS} is missing: apt-get install -y wamerican`);
}
const lowerWords = new Set();
const properNouns = new Set();
for (const w of fs.readFileSync(WORDS, 'utf8').split('\n')) {
  if (!w || w.includes("'")) continue;
  if (w[0] === w[0].toUpperCase() && w[0] !== w[0].toLowerCase()) properNouns.add(w.toLowerCase());
  else lowerWords.add(w);
}
const wordsOf = (name) => name.toLowerCase().split(/[\s\-.]+/).filter(Boolean);
// "Notion", "Line", "Next", "Box Sync": every word is an ordinary English word.
const ordinary = (name) => {
  const words = wordsOf(name);
  return words.length > 0 && words.every((w) => lowerWords.has(w) || /^\d+$/.test(w));
};
// "Amazon", "Toyota", "Tesla": a place, a person or a company the dictionary already knows.
const proper = (name) => {
  const words = wordsOf(name);
  return words.length === 1 && properNouns.has(words[0]) && !lowerWords.has(words[0]);
};
const COMPANY = /\b(Inc|Corp|Corporation|Company|Co|Ltd|GmbH|AG|Bank|Banco|Airlines?|Airways|Motors?|Group|Holdings|Insurance|Telecom|Mobile|Media|News|Magazine|Radio|TV|Television|University|Foundation|Association|Government|Railways?|Football|FC)\b/i;

// How a generated name may be matched, as a mark in front of it (see skills.tsv's header):
//   ""  case-insensitive with token boundaries (distinctive names: "Terraform", "Amazon S3")
//   "=" exact case with token boundaries (names with capitals that are no English words)
//   "~" exact case, standalone, and only in a technology context (ordinary words: "Notion",
//       "Line", "Wire"; names of one or two letters)
//   null: not at all (proper nouns the dictionary knows: companies, places)
function mode(name, { brand, bare, library }) {
  if (name.length <= 2) return '~';
  // The library list is a technology list already; its rows mark their ordinary-word names.
  if (library) return '';
  // A name without its maker ("RDS", "SES", "Config"), or an upper-case acronym a brand goes by
  // ("MCP", "SSO"), is taken from a list of technologies only: "SES" is also the market's word
  // for staffing contracts, "MCP" a Microsoft certification.
  if (bare || (/^[A-Z0-9]{2,4}$/.test(name) && brand)) return '~';
  if (proper(name)) return brand ? null : '~';
  // A phrase of ordinary words in title case ("Amazon Simple Storage Service") is a name; one
  // ordinary word alone ("Notion") is far more often the word.
  if (ordinary(name)) return wordsOf(name).length > 1 ? '=' : '~';
  if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(name)) return '';
  // A short name written in lower case only ("sqlc") is a distinctive token; a short name with
  // capitals keeps its case so a lower-case homograph ("example.org", "lex") is not taken.
  return name !== name.toLowerCase() && name.length <= 4 ? '=' : '';
}

// The curated names and aliases: a generated alias that is already one of them is dropped, so
// Linguist's "terraform" alias of HCL does not take Terraform away.
const curated = new Map();
for (const line of fs.readFileSync(path.join(resources, 'skills.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [canonical, , aliases = ''] = line.split('\t');
  for (const n of [canonical, ...aliases.split('|')]) {
    if (n) curated.set(n.replace(/^[!=~]/, '').normalize('NFKC').toLowerCase().trim(), canonical);
  }
}
const entries = new Map(); // key -> entry
const key = (s) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
function add(canonical, category, aliases, implies, source, opts) {
  canonical = canonical.trim();
  if (!canonical || /[\t|]/.test(canonical)) return;
  const k = key(canonical);
  let e = entries.get(k);
  if (!e) {
    const m = mode(canonical, { ...opts, bare: false });
    if (m === null) return;
    e = { canonical, category, aliases: new Map(), implies: new Set(implies), source, canonicalMode: m };
    entries.set(k, e);
  } else if (!e.source.includes(source)) {
    e.source += `+${source}`;
  }
  for (const a of aliases) {
    const t = a.trim();
    if (!t || /[\t|]/.test(t) || key(t) === k || t.length > 60) continue;
    if (curated.has(key(t)) && curated.get(key(t)) !== (curated.get(k) ?? null)) continue;
    const m = mode(t, { ...opts, bare: opts.bare?.has(t) });
    if (m === null) continue;
    if (!e.aliases.has(key(t))) e.aliases.set(key(t), m + t);
  }
}

// --- GitHub Linguist: languages with their type
const require = createRequire(path.join(tmp, 'package.json'));
const linguist = require('linguist-languages');
const LINGUIST_CATEGORY = { programming: 'LANGUAGE', markup: 'LANGUAGE', data: 'OTHER', prose: 'OTHER' };
let linguistCount = 0;
for (const lang of Object.values(linguist)) {
  // Linguist's aliases are editor mode names ("sh", "js", "objc"): only the distinctive ones are
  // how people write the language.
  const aliases = (lang.aliases ?? []).filter((a) => a.length >= 4 && !lowerWords.has(a));
  add(lang.name, LINGUIST_CATEGORY[lang.type] ?? 'OTHER', aliases, [], 'linguist', { brand: false });
  // A data or prose format ("CSV", "INI", "Text") is a file a sheet mentions, rarely a skill it
  // claims: only in a list of technologies.
  const e = entries.get(key(lang.name));
  if (e && e.source === 'linguist' && (lang.type === 'data' || lang.type === 'prose')) {
    e.canonicalMode = '~';
  }
  linguistCount++;
}

// --- AWS: every service of the SDK's API models, by its official full and short name
const awsApis = path.join(modules, 'aws-sdk', 'apis');
const awsFiles = fs.readdirSync(awsApis).filter((f) => f.endsWith('.min.json'));
const awsMetadata = JSON.parse(fs.readFileSync(path.join(awsApis, 'metadata.json')));
const AWS_CATEGORY = /Database|DynamoDB|Redshift|Aurora|Neptune|DocumentDB|Keyspaces|Timestream|QLDB/;
let awsCount = 0;
for (const [id, meta] of Object.entries(awsMetadata)) {
  const prefix = meta.prefix ?? id.toLowerCase();
  const file = awsFiles.filter((f) => f.startsWith(`${prefix}-20`)).sort().pop();
  if (!file) continue;
  const { serviceFullName: full, serviceAbbreviation: abbr } =
    JSON.parse(fs.readFileSync(path.join(awsApis, file))).metadata;
  if (!full) continue;
  const short = abbr && /^(Amazon|AWS) /.test(abbr) ? abbr : null;
  const canonical = short ?? full.replace(/ Service$/, '').replace(/ APIs?$/, '');
  const bare = canonical.replace(/^(Amazon|AWS) /, '');
  const aliases = [full];
  const bareNames = new Set([meta.name]);
  if (bare !== canonical && !/^(Amazon|AWS)/.test(bare)) {
    // "S3", "EC2", "Lambda": sheets often drop the maker, and write either maker.
    aliases.push(`AWS ${bare}`, `Amazon ${bare}`);
    bareNames.add(bare);
  }
  if (abbr && !/^(Amazon|AWS) /.test(abbr) && !/\s/.test(abbr)) bareNames.add(abbr);
  add(canonical, AWS_CATEGORY.test(full) ? 'DATABASE' : 'CLOUD', [...aliases, ...bareNames], ['AWS'],
    'aws-sdk', { brand: false, bare: bareNames });
  awsCount++;
}

// --- simple-icons: brand and technology names, their other names and Japanese names
const iconsJson = path.join(modules, 'simple-icons', 'data', 'simple-icons.json');
const iconsData = JSON.parse(fs.readFileSync(iconsJson));
const icons = Array.isArray(iconsData) ? iconsData : iconsData.icons;
const linguistNames = new Set(Object.values(linguist).map((l) => key(l.name)));
// A title that begins three or more other titles ("Google" → Google Drive, Google Maps…) is the
// maker, a company: its products are skills, the company is not.
const makers = new Set();
for (const icon of icons) {
  const n = icons.filter((o) => o.title.startsWith(`${icon.title} `)).length;
  if (n >= 3) makers.add(icon.title);
}
let iconCount = 0;
let companies = 0;
for (const icon of icons) {
  const title = icon.title;
  if (COMPANY.test(title) || proper(title) || makers.has(title) || !/\p{L}.*\p{L}/u.test(title)) {
    companies++;
    continue;
  }
  const aka = icon.aliases?.aka ?? [];
  const ja = icon.aliases?.loc?.['ja-JP'] ? [icon.aliases.loc['ja-JP']] : [];
  let category = 'TOOL';
  if (linguistNames.has(key(title))) category = 'LANGUAGE';
  else if (/DB$|SQL|Database|Mongo|Redis|Cassandra/i.test(title)) category = 'DATABASE';
  else if (/^(Amazon|AWS|Google Cloud|Microsoft Azure|Azure)\b/.test(title)) category = 'CLOUD';
  else if (/Linux|BSD$|^Windows|OS$/.test(title)) category = 'OS';
  const implies = /^(Amazon |AWS )/.test(title) && !/^Amazon (Pay|Prime|Alexa|Music|Luna)/.test(title)
    ? ['AWS'] : [];
  add(title, category, [...aka, ...ja], implies, 'simple-icons', { brand: true });
  iconCount++;
}

// --- well-known libraries and tools by their package names (libraries.tsv beside this script)
let libraryCount = 0;
for (const line of fs.readFileSync(path.join(here, 'libraries.tsv'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [canonical, category, pkg, aliases = '', implies = ''] = line.split('\t');
  const list = aliases.split('|').filter(Boolean);
  const parents = implies.split('|').filter(Boolean);
  const k = key(canonical);
  const before = entries.get(k);
  // The maker's own list decides how the name is matched: a row may mark its canonical name.
  const marked = list.find((a) => /^[~=!]/.test(a) && a.slice(1) === canonical);
  add(canonical, category, list.filter((a) => !/^[~=!]/.test(a)), parents, `package:${pkg}`, {
    library: true,
  });
  const e = entries.get(k);
  if (e) {
    e.category = category; // the library list knows what the package is
    if (marked) e.canonicalMode = marked[0];
    for (const p of parents) e.implies.add(p);
    for (const a of list.filter((x) => x !== marked)) {
      // A marked alias keeps its mark; one that differs from the name in case only stays too.
      if (/^[~=!]/.test(a) && a.slice(1) !== canonical) e.aliases.set(a.slice(1), a);
    }
    if (!before) libraryCount++;
  }
}

// --- write
const rows = [...entries.values()].sort((a, b) => a.canonical.localeCompare(b.canonical, 'en'));
const out = [];
out.push('# Proxima skill vocabulary, GENERATED by tenants/talent/vocabulary/update.mjs: do not edit,');
out.push('# change skills.tsv (curated, loaded first and wins) or the script and re-run it.');
out.push(`# Generated ${new Date().toISOString().slice(0, 10)} from:`);
out.push(`#   linguist-languages ${SOURCES['linguist-languages']} (npm, ${licence('linguist-languages')}): GitHub Linguist languages, ${linguistCount} names`);
out.push(`#   simple-icons ${SOURCES['simple-icons']} (npm, ${licence('simple-icons')}): brand and technology names, ${iconCount} kept, ${companies} company or proper-noun titles left out`);
out.push(`#   aws-sdk ${SOURCES['aws-sdk']} (npm, ${licence('aws-sdk')}): apis/metadata.json + serviceFullName/serviceAbbreviation, ${awsCount} services`);
out.push(`#   tenants/talent/vocabulary/libraries.tsv: ${libraryCount} libraries and tools by npm/Maven/Go/PyPI package name`);
out.push('#   wamerican (Debian, /usr/share/dict/american-english): decides which names are ordinary words');
out.push('# Format as skills.tsv, plus a fifth column naming the sources. Alias marks: ! strict (exact case,');
out.push('# standalone), = exact case, ~ exact case, standalone and only in a technology context (a');
out.push('# technology list or cell next to a known skill); a marked canonical name is among the aliases.');
for (const e of rows) {
  const aliases = [...new Set(e.aliases.values())].filter((a) => a !== e.canonicalMode + e.canonical);
  if (e.canonicalMode) aliases.unshift(e.canonicalMode + e.canonical);
  out.push([e.canonical, e.category, aliases.join('|'), [...e.implies].join('|'), e.source].join('\t'));
}
fs.writeFileSync(path.join(resources, 'vocabulary.tsv'), `${out.join('\n')}\n`);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`vocabulary.tsv: ${rows.length} skills`);
