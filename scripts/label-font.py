#!/usr/bin/python3
"""
Builds public/fonts/ko-label.woff2: the few Hangul glyphs that English pages show (the language
switch's "한국어", the chooser, the 404 page's Korean half), cut from SUIT Variable (OFL-1.1,
npm @sun-typeface/suit), so they render on a machine without any Korean font. Korean pages name
the system Korean fonts first; this face is the last resort and, by its unicode-range, is only
fetched when no earlier font has the glyph. Renamed: OFL reserves the name "SUIT" for the
original. Needs fontTools + brotli (Debian: python3-fonttools python3-brotli); run it again and
commit its output when those strings change (tests/unit/site/labelFont.test.ts says when).
"""
import json, re, subprocess, sys
from pathlib import Path
from fontTools.ttLib import TTFont
from fontTools import subset

root = Path(__file__).resolve().parent.parent
ko = (root / 'src/i18n/ko.ts').read_text(encoding='utf8')
locales = (root / 'src/i18n/locales.ts').read_text(encoding='utf8')
keys = ['chooser.title', 'chooser.continue', 'notFound.title', 'notFound.body', 'notFound.home', 'notFound.challenges']
texts = [re.search(r"ko: '([^']*)'", locales).group(1)]
for key in keys:
    m = re.search(r"'" + re.escape(key) + r"':\s*'([^']*)'", ko)
    if m is None:
        sys.exit(f'label-font: no string {key} in src/i18n/ko.ts')
    texts.append(m.group(1))
chars = sorted({c for t in texts for c in t if '\uac00' <= c <= '\ud7a3'})

source = root / 'node_modules/@sun-typeface/suit/fonts/variable/ttf/SUIT-Variable.ttf'
font = TTFont(source)
options = subset.Options()
options.flavor = 'woff2'
options.layout_features = ['*']
options.name_IDs = ['*']
sub = subset.Subsetter(options)
sub.populate(text=''.join(chars))
sub.subset(font)
name = font['name']
name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 6, 16, 17, 21, 22, 25)]
for name_id, text in ((1, 'bounce ko label'), (2, 'Regular'), (3, 'bounce-ko-label;subset of SUIT Variable 2.0.5'), (4, 'bounce ko label'), (6, 'bounce-ko-label'), (25, 'bounce-ko-label')):
    name.setName(text, name_id, 3, 1, 0x409)
if 'fvar' in font:
    for instance in font['fvar'].instances:
        instance.postscriptNameID = 0xFFFF
out = root / 'public/fonts'
out.mkdir(parents=True, exist_ok=True)
font.flavor = 'woff2'
font.save(out / 'ko-label.woff2')
(root / 'src/styles/ko-label.json').write_text(json.dumps({'chars': ''.join(chars), 'from': 'SUIT Variable 2.0.5 (@sun-typeface/suit), OFL-1.1'}, ensure_ascii=False) + '\n', encoding='utf8')
(out / 'OFL-SUIT.txt').write_text((root / 'node_modules/@sun-typeface/suit/LICENSE').read_text(encoding='utf8'), encoding='utf8')
print(f'{len(chars)} glyphs, {(out / "ko-label.woff2").stat().st_size} bytes')
