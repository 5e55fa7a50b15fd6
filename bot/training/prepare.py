#!/usr/bin/env python3
"""Prepares Baton's public training data (docs/models.md): extracts the TRAIN splits from local git
mirrors of the source repositories and writes the normalised JSONL files `baton train --data DIR` reads.

    python3 bot/training/prepare.py MIRRORS_DIR OUT_DIR

MIRRORS_DIR holds bare clones named owner+name/repo (e.g. clinc+oos-eval/repo). Only train (and, for
CLINC150, validation) splits are read; no test split is ever written. Python 3 standard library only.
"""
import csv, io, json, os, subprocess, hashlib, sys
M = sys.argv[1] if len(sys.argv) > 1 else '/work/.mirror'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'training-data'
def git(repo, *a):
    return subprocess.run(['git', '--git-dir', f'{M}/{repo}'] + list(a), check=True, capture_output=True).stdout
def extract(ds, repo, path):
    data = git(repo, 'show', f'HEAD:{path}')
    d = f'{OUT}/raw/{ds}'; os.makedirs(d, exist_ok=True)
    fn = f'{d}/{os.path.basename(path)}'
    open(fn, 'wb').write(data)
    return data
def write(ds, rows):
    with open(f'{OUT}/{ds}.jsonl', 'w', encoding='utf-8') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(ds, len(rows))

# 1 goemotions
R = 'monologg+GoEmotions-pytorch/repo'
tr = extract('goemotions', R, 'data/original/train.tsv').decode('utf-8')
lab = git(R, 'show', 'HEAD:data/original/labels.txt').decode('utf-8')
os.makedirs(f'{OUT}/raw/goemotions', exist_ok=True)
open(f'{OUT}/raw/goemotions/emotions.txt', 'wb').write(lab.encode('utf-8'))  # identical blob to google-research goemotions/data/emotions.txt
names = lab.split('\n')
assert len(names) == 28
rows = []
for line in tr.split('\n'):
    if not line: continue
    t, e, i = line.split('\t')
    rows.append({'text': t, 'emotions': [names[int(x)] for x in e.split(',')], 'id': i})
assert len(rows) == 43410, len(rows)
write('goemotions', rows)

# 3 dreaddit
R = 'rradulov+dreaddit/repo'
d = extract('dreaddit', R, 'raw_data/dreaddit-train.csv').decode('utf-8')
rows = [{'text': r['text'], 'label': 'stress' if r['label'] == '1' else 'no_stress', 'subreddit': r['subreddit'], 'id': r['id']}
        for r in csv.DictReader(io.StringIO(d, newline=''))]
assert all(r['label'] in ('stress','no_stress') for r in rows)
write('dreaddit', rows)

# 4 banking77
R = 'PolyAI-LDN+task-specific-datasets/repo'
d = extract('banking77', R, 'banking_data/train.csv').decode('utf-8')
rows = [{'text': r['text'], 'intent': r['category']} for r in csv.DictReader(io.StringIO(d, newline=''))]
write('banking77', rows)

# 5 clinc150 (train/val/oos_train/oos_val only)
R = 'clinc+oos-eval/repo'
full = git(R, 'show', 'HEAD:data/data_full.json')
# NOT stored byte-identical: data_full.json also holds 'test'/'oos_test'. Keep only allowed keys (original key order & content).
d = json.loads(full)
os.makedirs(f'{OUT}/raw/clinc150', exist_ok=True)
keep = {k: d[k] for k in d if k in ('train', 'val', 'oos_train', 'oos_val')}
open(f'{OUT}/raw/clinc150/data_full.train_val_only.json', 'w', encoding='utf-8').write(json.dumps(keep))
print('clinc150 original sha256', hashlib.sha256(full).hexdigest(), 'keys kept', list(keep))
rows = []
for k in ('train', 'val', 'oos_train', 'oos_val'):
    for t, lab_ in d[k]:
        rows.append({'text': t, 'intent': None if lab_ == 'oos' else lab_, 'split': k})
write('clinc150', rows)

# 6 hwu64: full annotated CSV absent from snapshot (>=4MiB); use KFold_1/trainset per-intent CSVs
R = 'xliuhw+NLU-Evaluation-Data/repo'
P = 'CrossValidation/autoGeneFromRealAnno/autoGene_2018_03_22-13_01_25_169/CrossValidation/KFold_1/trainset/'
rows = []
for p in sorted(git(R, 'ls-tree', '-r', '--name-only', 'HEAD', P).decode().split('\n')):
    if not p.endswith('.csv'): continue
    d = extract('hwu64', R, p).decode('utf-8')
    for r in csv.DictReader(io.StringIO(d, newline=''), delimiter=';'):
        rows.append({'text': r['answer_from_anno'], 'intent': r['scenario'] + '_' + r['intent'], 'id': r['answerid']})
write('hwu64', rows)

# 7 snips train_*_full.json
R = 'sonos+nlu-benchmark/repo'
rows = []
for p in sorted(git(R, 'ls-tree', '-r', '--name-only', 'HEAD', '2017-06-custom-intent-engines/').decode().split('\n')):
    b = os.path.basename(p)
    if not (b.startswith('train_') and b.endswith('_full.json')): continue
    raw = extract('snips', R, p)
    # PlayMusic file contains CESU-8 style surrogate pairs (emoji); decode with surrogatepass and re-pair
    d = json.loads(raw.decode('utf-8', errors='surrogatepass').encode('utf-16', 'surrogatepass').decode('utf-16'))
    for intent, exs in d.items():
        for ex in exs:
            rows.append({'text': ''.join(c['text'] for c in ex['data']), 'intent': intent})
write('snips', rows)
