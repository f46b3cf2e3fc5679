# Reads [{format, before, after, expect}] on stdin and checks each edit the way the real tools parse
# the file: the login's values are there, and everything that was there before is unchanged.
# Prints one JSON result per case: {"ok": true} | {"skip": reason} | {"error": what}.
import configparser
import io
import json
import netrc
import os
import re
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET


def strip_credentials(url):
    return re.sub(r'^([a-z][a-z0-9+.-]*://)[^/@\s]*@', r'\1', url, flags=re.I)


def ini(text, normalize):
    p = configparser.RawConfigParser(strict=False, interpolation=None)
    p.optionxform = normalize
    p.read_string(text)
    return {s: dict(p.items(s)) for s in p.sections()}


def check_ini(case, normalize):
    try:
        before = ini(case['before'], normalize)
    except Exception as e:  # the tool itself would reject the original
        return {'skip': 'before: %s' % type(e).__name__}
    try:
        after = ini(case['after'], normalize)
    except Exception as e:
        return {'error': 'after does not parse: %s' % e}
    ours = set()
    for exp in case['expect']:
        sec, key = exp['address'][0], normalize(exp['address'][1])
        ours.add((sec, key))
        value = after.get(sec, {}).get(key)
        if value is None:
            return {'error': 'missing [%s] %s' % (sec, key)}
        if len(exp['address']) == 4:
            if exp['value'] not in value.split():
                return {'error': 'item %s not in [%s] %s = %r' % (exp['value'], sec, key, value)}
        elif value != exp['value']:
            return {'error': '[%s] %s = %r, expected %r' % (sec, key, value, exp['value'])}
    for sec, opts in before.items():
        for k, v in opts.items():
            if (sec, k) in ours:
                identities = [e['address'][3] for e in case['expect'] if len(e['address']) == 4 and e['address'][0] == sec and normalize(e['address'][1]) == k]
                if identities:
                    # Items other than the login's own (same URL, any credentials) must all still be there.
                    others = lambda items: {i for i in items if strip_credentials(i) not in identities}
                    if not others(v.split()) <= others(after[sec][k].split()):
                        return {'error': 'list [%s] %s lost items' % (sec, k)}
                continue
            if after.get(sec, {}).get(k) != v:
                return {'error': 'unrelated [%s] %s changed: %r -> %r' % (sec, k, v, after.get(sec, {}).get(k))}
    return {'ok': True}


def toml_get(doc, address):
    head = address[0]
    if head.startswith('[['):
        path = head[2:-2].split('.')
        arr = doc
        for part in path:
            arr = arr.get(part, {}) if isinstance(arr, dict) else {}
        sel_key, sel_val = address[1].split('=', 1)
        for entry in arr if isinstance(arr, list) else []:
            if entry.get(sel_key) == sel_val:
                return entry.get(address[2])
        return None
    node = doc
    for part in head[1:-1].split('.'):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return node.get(address[1]) if isinstance(node, dict) else None


def strip_ours(doc, expect):
    """The document without the login's entries (and the tables they alone made)."""
    doc = json.loads(json.dumps(doc, default=str))
    for exp in expect:
        a = exp['address']
        if a[0].startswith('[['):
            path = a[0][2:-2].split('.')
            parent = doc
            for part in path[:-1]:
                parent = parent.get(part, {})
            arr = parent.get(path[-1], [])
            sel_key, sel_val = a[1].split('=', 1)
            for entry in arr:
                if entry.get(sel_key) == sel_val:
                    entry.pop(a[2], None)
            parent[path[-1]] = [e for e in arr if not (list(e.keys()) in ([sel_key], []) and e.get(sel_key) == sel_val)]
            if not parent[path[-1]]:
                parent.pop(path[-1])
        else:
            path = a[0][1:-1].split('.')
            chain = [doc]
            for part in path:
                chain.append(chain[-1].get(part, {}))
            chain[-1].pop(a[1], None)
            for i in range(len(path) - 1, -1, -1):
                if chain[i + 1] == {}:
                    chain[i].pop(path[i], None)
    return prune(doc)


def prune(node):
    if isinstance(node, dict):
        return {k: prune(v) for k, v in node.items() if not (isinstance(v, dict) and prune(v) == {} and k in ('tool', 'poetry', 'http-basic'))}
    if isinstance(node, list):
        return [prune(v) for v in node]
    return node


def check_toml(case):
    try:
        before = tomllib.loads(case['before'])
    except Exception as e:
        return {'skip': 'before: %s' % e}
    try:
        after = tomllib.loads(case['after'])
    except Exception as e:
        return {'error': 'after does not parse: %s' % e}
    for exp in case['expect']:
        got = toml_get(after, exp['address'])
        want = tomllib.loads('v = ' + exp['value'])['v']
        if got != want:
            return {'error': '%s = %r, expected %r' % (' '.join(exp['address']), got, want)}
    if strip_ours(after, case['expect']) != strip_ours(before, case['expect']):
        return {'error': 'unrelated TOML content changed'}
    return {'ok': True}


def parse_netrc(text):
    with tempfile.NamedTemporaryFile('w', delete=False, suffix='.netrc') as f:
        f.write(text)
        name = f.name
    try:
        return netrc.netrc(name)
    finally:
        os.unlink(name)


def check_netrc(case):
    try:
        before = parse_netrc(case['before'])
    except Exception as e:
        return {'skip': 'before: %s' % e}
    try:
        after = parse_netrc(case['after'])
    except Exception as e:
        return {'error': 'after does not parse: %s' % e}
    host = case['expect'][0]['address'][0]
    auth = after.authenticators(host)
    want = {e['address'][1]: e['value'] for e in case['expect']}
    if not auth or auth[0] != want['login'] or auth[2] != want['password']:
        return {'error': 'authenticators(%s) = %r' % (host, auth)}
    for h, v in before.hosts.items():
        if h != host and after.hosts.get(h) != v:
            return {'error': 'machine %s changed' % h}
    if before.macros != after.macros:
        return {'error': 'macros changed'}
    return {'ok': True}


def local(tag):
    return tag.split('}', 1)[-1]


def xml_find(root, address):
    steps = address[:-1] if address[-1].startswith('@') else address
    attr = address[-1][1:] if address[-1].startswith('@') else None
    if local(root.tag) != steps[0]:
        return None
    node = root
    for step in steps[1:]:
        name, key = step, None
        if '[' in step:
            name, rest = step.split('[', 1)
            k, v = rest[:-1].split('=', 1)
            key = (k, v)
        found = None
        for child in node:
            if not isinstance(child.tag, str) or local(child.tag) != name:
                continue
            if key is None:
                found = child
            elif key[0] == '.':
                found = child if (child.text or '').strip() == key[1] else None
            elif key[0].startswith('@'):
                found = child if child.get(key[0][1:]) == key[1] else None
            else:
                found = child if any(local(c.tag) == key[0] and (c.text or '').strip() == key[1] for c in child if isinstance(c.tag, str)) else None
            if found is not None:
                break
        if found is None:
            return None
        node = found
    return node.get(attr) if attr else (node.text or '').strip()


def check_xml(case):
    try:
        ET.fromstring(case['before'].encode())
    except Exception as e:
        return {'skip': 'before: %s' % e}
    try:
        root = ET.fromstring(case['after'].encode())
    except Exception as e:
        return {'error': 'after does not parse: %s' % e}
    for exp in case['expect']:
        got = xml_find(root, exp['address'])
        if got != exp['value']:
            return {'error': '%s = %r, expected %r' % ('/'.join(exp['address']), got, exp['value'])}
    return {'ok': True}


CHECKS = {
    'pipconf': lambda c: check_ini(c, lambda k: k.lower().replace('_', '-')),
    'pypirc': lambda c: check_ini(c, lambda k: k.lower()),
    'toml': check_toml,
    'netrc': check_netrc,
    'xml': check_xml,
}

cases = json.load(sys.stdin)
out = []
for case in cases:
    try:
        out.append(CHECKS[case['format']](case))
    except Exception as e:  # a bug in the oracle itself must not look like a pass
        out.append({'error': 'oracle crashed: %r' % e})
print(json.dumps(out))
