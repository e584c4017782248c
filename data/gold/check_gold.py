#!/usr/bin/env python3
"""Validate the gold files (stdlib only): python data/gold/check_gold.py [files...]"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, '..', 'raw')
KINDS = {'title', 'body', 'aside', 'comments', 'boilerplate'}
TTYPES = {'DATE', 'TIME', 'DURATION', 'SET'}
MODS = {None, 'START', 'MID', 'END', 'APPROX', 'MORE_THAN', 'LESS_THAN', 'EQUAL_OR_LESS',
        'EQUAL_OR_MORE', 'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER'}
QUALS = {None, 'approx', 'more_than', 'less_than', 'at_least', 'at_most'}
LABELS = {'PER', 'ORG', 'LOC', 'MISC'}
KEYS = {
    'timexes': {'start', 'end', 'text', 'type', 'value', 'mod'},
    'quantities': {'start', 'end', 'text', 'value', 'low', 'high', 'unit', 'qualifier', 'counted'},
    'mentions': {'start', 'end', 'text', 'label', 'entity'},
    'events': {'start', 'end', 'text', 'value', 'timex'},
}
VALUE_RE = re.compile(r'^(PRESENT_REF|PAST_REF|FUTURE_REF|'
                      r'[0-9X]{4}(-(W[0-9X]{2}|[0-9X]{2}|SP|SU|FA|WI))?(-[0-9X]{2})?'
                      r'(T(MO|AF|EV|NI|[0-9]{2}(:[0-9]{2})?))?|'
                      r'[0-9X]{3}|'
                      r'P[0-9X.YMWDTHS]+(/P[0-9X.YMWDTHS]+)?|'
                      r'XXXX-XX-XXT(MO|AF|EV|NI))'
                      r'(/[0-9X]{4}(-[0-9X]{2})?(-[0-9X]{2})?)?$')


def check(path):
    errs = []
    d = json.load(open(path, encoding='utf-8'))
    doc = d['doc_id']
    raw = open(os.path.join(RAW, doc + '.txt'), encoding='utf-8').read()
    for k in ('doc_id', 'published', 'sections', 'timexes', 'quantities', 'mentions', 'events', 'notes'):
        if k not in d:
            errs.append(f'missing key {k}')
    # sections partition
    secs = d['sections']
    pos = 0
    for s in secs:
        if s['kind'] not in KINDS:
            errs.append(f'bad section kind {s}')
        if s['start'] != pos:
            errs.append(f'section gap/overlap at {pos}: {s}')
        if s['end'] <= s['start']:
            errs.append(f'empty section {s}')
        if s['start'] and raw[s['start'] - 1] != '\n':
            errs.append(f'section does not start at a line start {s}')
        pos = s['end']
    if pos != len(raw):
        errs.append(f'sections end at {pos} != {len(raw)}')
    for a, b in zip(secs, secs[1:]):
        if a['kind'] == b['kind']:
            errs.append(f'adjacent sections of same kind {a} {b}')
    scope = [(s['start'], s['end']) for s in secs if s['kind'] in ('title', 'body')]
    tx_texts = {t['text'] for t in d['timexes']}
    for k, keys in KEYS.items():
        items = d[k]
        if [(x['start'], x['end']) for x in items] != sorted((x['start'], x['end']) for x in items):
            errs.append(f'{k} not sorted')
        for x in items:
            if set(x) != keys:
                errs.append(f'{k} keys {sorted(x)}')
            if raw[x['start']:x['end']] != x['text']:
                errs.append(f'{k} text mismatch {x}')
            if not any(a <= x['start'] and x['end'] <= b for a, b in scope):
                errs.append(f'{k} out of title/body {x}')
            if k == 'timexes':
                if x['type'] not in TTYPES or x['mod'] not in MODS:
                    errs.append(f'bad timex enum {x}')
                if not VALUE_RE.match(x['value'] or ''):
                    errs.append(f'odd timex value {x}')
            if k == 'quantities':
                if x['qualifier'] not in QUALS:
                    errs.append(f'bad qualifier {x}')
                if (x['low'] is None) != (x['high'] is None):
                    errs.append(f'half range {x}')
                if x['low'] is not None and x['value'] is not None:
                    errs.append(f'range with value {x}')
            if k == 'mentions' and x['label'] not in LABELS:
                errs.append(f'bad label {x}')
            if k == 'events' and x['timex'] not in tx_texts:
                errs.append(f'event timex not a timex text {x}')
    return errs


if __name__ == '__main__':
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, '*.json')))
    bad = 0
    for f in files:
        e = check(f)
        d = json.load(open(f, encoding='utf-8'))
        counts = {k: len(d[k]) for k in ('sections', 'timexes', 'quantities', 'mentions', 'events')}
        print(os.path.basename(f), 'OK' if not e else f'{len(e)} ERRORS', counts)
        for x in e:
            print('   ', x)
        bad += bool(e)
    sys.exit(1 if bad else 0)
