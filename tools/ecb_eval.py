#!/usr/bin/env python3
"""Cross-document event coreference on ECB+ (topics 1–35 in ../shared/data/ecbplus): dyad's
canonical events against the gold event chains, beside the same-head-lemma baseline on the same
mentions, scored with MUC, B³, CEAF-e and the CoNLL F1 (tools/ecb_metrics.py).

What it does:
1. Reads every ECB+ document: tokens and sentences; event mentions (markables ACTION_* and
   NEG_ACTION_* anchored to tokens); gold chains from CROSS_DOC_COREF (`note` = chain) and
   INTRA_DOC_COREF (a chain of its own per document); a mention in no relation is its own chain.
   Gold mentions are those in the sentences of ECBplus_coreference_sentences.csv (the usual
   setting) unless --all-sentences.
2. Rebuilds each document's text from its tokens (spaces between tokens, a blank line between
   sentences, so that each sentence is a paragraph for the reader), writes a JSONL corpus and runs
   `dyad ingest`, `dyad mentions`, `dyad events --undated --incomplete` and `dyad parse` on it.
3. A gold mention is coded when a dyad mention's trigger overlaps its tokens in the same
   document; the first such dyad mention (by offset) gives its canonical event. Scores are over
   the coded gold mentions only; gold chains are restricted to them.
4. The baseline puts mentions whose head token (dyad's parse) has the same lowercase lemma in one
   cluster, across the whole corpus (the published setting) and, as a second line, within a topic.

usage: python3 tools/ecb_eval.py [--dyad target/release/dyad] [--ecb ../shared/data/ecbplus]
       [--published none|YYYY-MM-DD] [--all-sentences] [--confusions N] [--work DIR] [--json OUT]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ecb_metrics as em  # noqa: E402

DEV_TOPICS = {2, 5, 12, 18, 21, 23, 34, 35}
PTB_QUOTES = {"``": '"', "''": '"'}


# ---------------------------------------------------------------- the corpus

class Doc:
    def __init__(self, name, topic):
        self.name = name  # "1_10ecbplus"
        self.topic = topic
        self.tokens = {}  # t_id -> (sentence, text)
        self.order = []  # t_ids in document order
        self.text = ""
        self.span = {}  # t_id -> (start, end) character offsets in self.text
        self.mentions = []  # gold event mentions: dicts with m_id, tokens, sentence, type, chain


def read_doc(path, topic):
    root = ET.parse(path).getroot()
    name = os.path.basename(path)[: -len(".xml")]
    doc = Doc(name, topic)
    for t in root.iter("token"):
        tid = t.get("t_id")
        word = (t.text or "").strip()
        # The tokens are PTB-style; quotes go back to '"' so the reader sees ordinary prose.
        word = PTB_QUOTES.get(word, word)
        doc.tokens[tid] = (int(t.get("sentence")), word)
        doc.order.append(tid)
    # Text: tokens joined by spaces, sentences by a blank line (a paragraph each for the reader).
    parts = []
    pos = 0
    prev_sent = None
    for tid in doc.order:
        sent, word = doc.tokens[tid]
        if prev_sent is not None:
            sep = " " if sent == prev_sent else "\n\n"
            parts.append(sep)
            pos += len(sep)
        doc.span[tid] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
        prev_sent = sent
    doc.text = "".join(parts)

    events = {}
    markables = root.find("Markables")
    for mk in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in mk.findall("token_anchor")]
        anchors = [a for a in anchors if a in doc.tokens]
        if not anchors or not (mk.tag.startswith("ACTION_") or mk.tag.startswith("NEG_ACTION_")):
            continue
        anchors.sort(key=lambda a: doc.order.index(a))
        events[mk.get("m_id")] = {
            "m_id": mk.get("m_id"),
            "type": mk.tag,
            "tokens": anchors,
            "sentence": doc.tokens[anchors[0]][0],
            "chain": None,
        }
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "CROSS_DOC_COREF":
            chain = rel.get("note")
        elif rel.tag == "INTRA_DOC_COREF":
            chain = f"intra:{name}:{rel.find('target').get('m_id')}"
        else:
            continue
        for s in rel.findall("source"):
            m = events.get(s.get("m_id"))
            if m is not None:
                m["chain"] = chain
    for m in events.values():
        if m["chain"] is None:  # a singleton: its own gold cluster
            m["chain"] = f"single:{name}:{m['m_id']}"
        m["id"] = f"{name}:{m['m_id']}"
        m["start"] = doc.span[m["tokens"][0]][0]
        m["end"] = doc.span[m["tokens"][-1]][1]
        m["text"] = " ".join(doc.tokens[t][1] for t in m["tokens"])
        doc.mentions.append(m)
    doc.mentions.sort(key=lambda m: (m["start"], m["end"]))
    return doc


def read_corpus(ecb):
    docs = []
    base = os.path.join(ecb, "ECB+")
    for topic in sorted(os.listdir(base), key=int):
        for f in sorted(os.listdir(os.path.join(base, topic))):
            if f.endswith(".xml"):
                docs.append(read_doc(os.path.join(base, topic, f), int(topic)))
    selected = set()
    with open(os.path.join(ecb, "ECBplus_coreference_sentences.csv"), newline="") as f:
        for row in csv.DictReader(f):
            selected.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    return docs, selected


# ---------------------------------------------------------------- running dyad

def run(cmd, out_path=None):
    with open(out_path, "w") if out_path else open(os.devnull, "w") as out:
        p = subprocess.run(cmd, stdout=out if out_path else subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 2):
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr[-2000:]}")
    if p.returncode == 2:
        print(f"note: {cmd[1]} rejected some inputs: {p.stderr.strip()[-500:]}", file=sys.stderr)
    return p


def jsonl(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def run_dyad(dyad, docs, work, published):
    corpus = os.path.join(work, "ecbplus.jsonl")
    with open(corpus, "w") as f:
        for d in docs:
            row = {"id": d.name, "text": d.text}
            if published:
                row["published"] = published
            f.write(json.dumps(row) + "\n")
    db = os.path.join(work, "ecbplus.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    run([dyad, "ingest", corpus, "--db", db])
    run([dyad, "mentions", "--db", db], os.path.join(work, "mentions.jsonl"))
    run([dyad, "events", "--db", db, "--undated", "--incomplete"], os.path.join(work, "events.jsonl"))
    run([dyad, "read", corpus], os.path.join(work, "read.jsonl"))
    # The parse gets the text dyad read made of each row (the texts ingest analysed), one file
    # per document named by its id, so that offsets line up with the mentions'.
    texts = {r["id"]: r["text"] for r in jsonl(os.path.join(work, "read.jsonl"))}
    pdir = os.path.join(work, "texts")
    os.makedirs(pdir, exist_ok=True)
    for name, text in texts.items():
        with open(os.path.join(pdir, name + ".txt"), "w") as f:
            f.write(text)
    run([dyad, "parse", pdir, "--format", "jsonl"], os.path.join(work, "parse.jsonl"))
    return (texts, jsonl(os.path.join(work, "mentions.jsonl")), jsonl(os.path.join(work, "events.jsonl")),
            jsonl(os.path.join(work, "parse.jsonl")))


def align(doc, text):
    """Offsets of each gold token in dyad's text of the document. The reader may drop lines (a
    first line taken for a title, boilerplate), so each sentence of ours is searched for whole,
    from the end of the previous one found; tokens of a sentence the reader dropped or changed
    get no offsets. Returns t_id -> (start, end)."""
    out = {}
    by_sent = defaultdict(list)
    for tid in doc.order:
        by_sent[doc.tokens[tid][0]].append(tid)
    pos = 0
    for sent in sorted(by_sent):
        tids = by_sent[sent]
        s0 = doc.span[tids[0]][0]
        s1 = doc.span[tids[-1]][1]
        at = text.find(doc.text[s0:s1], pos)
        if at < 0:
            continue
        for tid in tids:
            a, b = doc.span[tid]
            out[tid] = (a - s0 + at, b - s0 + at)
        pos = at + (s1 - s0)
    return out


# ---------------------------------------------------------------- the figures

def fmt(name, s, n):
    return (f"| {name} | {n} | {s['muc'][2]*100:.1f} | {s['b3'][2]*100:.1f} | {s['ceaf_e'][2]*100:.1f} | "
            f"**{s['conll_f1']*100:.1f}** |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dyad", default="target/release/dyad")
    ap.add_argument("--ecb", default="../shared/data/ecbplus")
    ap.add_argument("--published", default="none",
                    help="publication date given to every document (ECB+ has none): 'none' or YYYY-MM-DD")
    ap.add_argument("--all-sentences", action="store_true",
                    help="also score gold mentions outside the sentences of ECBplus_coreference_sentences.csv")
    ap.add_argument("--confusions", type=int, default=0, help="print this many wrong merges and splits")
    ap.add_argument("--work", help="keep the corpus, store and dyad outputs in this folder")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    ap.add_argument("--pairs", help="write every mention pair dyad gets wrong (split or joined against "
                    "gold) as JSON Lines to this file, with both dyad mentions")
    args = ap.parse_args()
    published = None if args.published == "none" else args.published

    docs, selected = read_corpus(args.ecb)
    work = args.work or tempfile.mkdtemp(prefix="ecb_eval_")
    os.makedirs(work, exist_ok=True)
    texts, mentions, events, parses = run_dyad(args.dyad, docs, work, published)

    event_of = {}
    for e in events:
        for m in e["mentions"]:
            event_of[m["mention"]] = e["id"]
    dyad_by_doc = defaultdict(list)
    for m in mentions:
        dyad_by_doc[m["doc"]].append(m)
    parse_by_doc = {p["id"]: p for p in parses}
    # The parse names documents by file stem; ingest by the corpus row's id — the same here.

    gold = {}  # mention id -> chain
    info = {}  # mention id -> dict
    resp = {}  # coded mention id -> canonical event
    lemma = {}  # mention id -> head lemma
    unaligned = missing_event = 0
    total = Counter()
    for d in docs:
        text = texts.get(d.name)
        offs = align(d, text) if text is not None else {}
        toks = []  # dyad's tokens of this document: (start, end, lemma, head index, index)
        p = parse_by_doc.get(d.name)
        for s in (p or {}).get("sentences", []):
            base = len(toks)
            for t in s["tokens"]:
                head = base + t["head"] - 1 if t["head"] else None
                toks.append((t["start"], t["end"], (t["lemma"] or t["text"]).lower(), head, len(toks)))
        dms = sorted(dyad_by_doc.get(d.name, []), key=lambda m: (m["start"], m["end"]))
        for m in d.mentions:
            in_sel = (d.name, m["sentence"]) in selected
            if not (in_sel or args.all_sentences):
                continue
            total["gold"] += 1
            total["dev_gold" if d.topic in DEV_TOPICS else "train_gold"] += 1
            spans = [offs[t] for t in m["tokens"] if t in offs]
            if not spans:
                unaligned += 1
                continue
            start, end = spans[0][0], spans[-1][1]
            mid = m["id"]
            gold[mid] = m["chain"]
            info[mid] = dict(m, doc=d.name, topic=d.topic, dstart=start, dend=end, dtext=text[start:end])
            # Head: dyad's token in the span whose syntactic head lies outside it (first such).
            inside = [t for t in toks if t[0] < end and t[1] > start]
            ids = {t[4] for t in inside}
            heads = [t for t in inside if t[3] not in ids]
            h = (heads or inside or [None])[0]
            lemma[mid] = h[2] if h else m["text"].lower()
            for dm in dms:
                if dm["start"] < end and dm["end"] > start:
                    ev = event_of.get(dm["id"])
                    if ev is None:
                        missing_event += 1
                        continue
                    resp[mid] = ev
                    info[mid]["dyad"] = dm
                    break

    coded = list(resp)
    lines = []
    setting = ("all annotated sentences" if args.all_sentences
               else "the sentences of ECBplus_coreference_sentences.csv")
    lines.append(f"ECB+ topics 1–35, gold event mentions (ACTION_*, NEG_ACTION_*) in {setting}; "
                 f"publication date given to dyad: {published or 'none'}")
    lines.append(f"gold event mentions: {total['gold']}; aligned to dyad's text: {len(gold)}; "
                 f"coded by dyad (a dyad trigger overlaps): {len(coded)} "
                 f"= {len(coded)/max(1,total['gold'])*100:.1f}% coverage"
                 + (f"; {missing_event} overlapping dyad mentions in no canonical event" if missing_event else ""))
    results = {}
    for label, topics in (("all topics 1–35", None), ("dev topics 2 5 12 18 21 23 34 35", DEV_TOPICS)):
        ms = [m for m in coded if topics is None or info[m]["topic"] in topics]
        all_ms = [m for m in gold if topics is None or info[m]["topic"] in topics]
        g = {m: gold[m] for m in ms}
        sys_ = {m: resp[m] for m in ms}
        lem_x = {m: lemma[m] for m in ms}
        lem_t = {m: (info[m]["topic"], lemma[m]) for m in ms}
        single = {m: m for m in ms}
        rows = {
            "dyad canonical events": em.conll(g, sys_),
            "same head lemma, whole corpus": em.conll(g, lem_x),
            "same head lemma, within topic": em.conll(g, lem_t),
            "all singletons": em.conll(g, single),
        }
        g_all = {m: gold[m] for m in all_ms}
        rows["same head lemma, whole corpus, all gold mentions"] = em.conll(g_all, {m: lemma[m] for m in all_ms})
        rows["same head lemma, within topic, all gold mentions"] = em.conll(
            g_all, {m: (info[m]["topic"], lemma[m]) for m in all_ms})
        n_gold = sum(1 for d in docs for m in d.mentions
                     if (topics is None or d.topic in topics)
                     and ((d.name, m["sentence"]) in selected or args.all_sentences))
        lines.append("")
        lines.append(f"### {label}: {len(ms)} coded of {n_gold} gold mentions "
                     f"({len(ms)/max(1,n_gold)*100:.1f}%), {len(set(g.values()))} gold clusters among them, "
                     f"{len(set(sys_.values()))} dyad events")
        lines.append("| clustering | mentions | MUC F1 | B³ F1 | CEAF-e F1 | CoNLL F1 |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        for name, s in rows.items():
            n = len(all_ms) if "all gold" in name else len(ms)
            lines.append(fmt(name, s, n))
        results[label] = {k: {"muc": v["muc"], "b3": v["b3"], "ceaf_e": v["ceaf_e"], "conll_f1": v["conll_f1"]}
                          for k, v in rows.items()}
        results[label]["coded"] = len(ms)
        results[label]["gold"] = n_gold
    print("\n".join(lines))
    if unaligned:
        print(f"\nnote: {unaligned} gold mentions could not be found in dyad's text of their document", file=sys.stderr)

    if args.confusions:
        confusions(coded, gold, resp, info, args.confusions)
    if args.pairs:
        with open(args.pairs, "w") as f:
            for i, a in enumerate(coded):
                for b in coded[i + 1:]:
                    same_gold, same_sys = gold[a] == gold[b], resp[a] == resp[b]
                    if same_gold != same_sys:
                        f.write(json.dumps({"error": "split" if same_gold else "joined",
                                            "a": info[a]["dyad"], "b": info[b]["dyad"],
                                            "a_event": resp[a], "b_event": resp[b]}) + "\n")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


def confusions(coded, gold, resp, info, n):
    """Wrong merges (one dyad event over several gold chains) and splits (one gold chain over
    several dyad events), largest first, with the mentions' words and sentences."""
    by_ev = defaultdict(list)
    by_chain = defaultdict(list)
    for m in coded:
        by_ev[resp[m]].append(m)
        by_chain[gold[m]].append(m)

    def show(m):
        i = info[m]
        d = i["dyad"]
        return (f"    {i['doc']} [{i['dtext']}] gold {i['type']} chain {i['chain'][:24]} | dyad {d['type']}"
                f" {d['status']} actors {d['actors']} date {(d['date'] or {}).get('value')}")

    # Why pairs go wrong, counted over mention pairs. A missed pair is put down to the first
    # thing fusion blocks or vetoes on (type, then the coder's actor set — blocking compares
    # only mentions with the same type and state-level actors —, then differing dates), else
    # to a join score under the threshold. A wrong pair is told by where its mentions come from.
    missed = Counter()
    wrong = Counter()
    for i, a in enumerate(coded):
        for b in coded[i + 1:]:
            da, db = info[a]["dyad"], info[b]["dyad"]
            if gold[a] == gold[b] and resp[a] != resp[b]:
                if da["type"] != db["type"]:
                    why = "different PLOVER type"
                elif sorted(da["actors"]) != sorted(db["actors"]):
                    why = "different actor sets"
                elif (da["date"] or {}).get("value") != (db["date"] or {}).get("value"):
                    why = "different dates" if da["date"] and db["date"] else "one dated, one undated"
                else:
                    why = "same block and date, joined below the threshold"
                missed[why] += 1
            elif gold[a] != gold[b] and resp[a] == resp[b]:
                if info[a]["doc"] == info[b]["doc"]:
                    wrong["same report"] += 1
                elif info[a]["topic"] == info[b]["topic"]:
                    wrong["same topic, other report"] += 1
                else:
                    wrong["different topics"] += 1
    print(f"\n## gold-coreferent pairs dyad splits ({sum(missed.values())}), by first cause")
    for k, v in missed.most_common():
        print(f"  {v:5d}  {k}")
    print(f"## pairs dyad joins against gold ({sum(wrong.values())})")
    for k, v in wrong.most_common():
        print(f"  {v:5d}  {k}")

    merges = sorted(by_ev.items(), key=lambda kv: -len({gold[m] for m in kv[1]}))
    print(f"\n## wrong merges: dyad events spanning most gold chains (of {sum(1 for _, v in by_ev.items() if len({gold[m] for m in v}) > 1)} impure events)")
    for ev, ms in merges[:n]:
        chains = Counter(gold[m] for m in ms)
        print(f"  event {ev}: {len(ms)} mentions, {len(chains)} gold chains")
        seen = set()
        for m in ms:
            if gold[m] not in seen:
                seen.add(gold[m])
                print(show(m))
            if len(seen) >= 6:
                break
    splits = sorted(by_chain.items(), key=lambda kv: -len({resp[m] for m in kv[1]}))
    print(f"\n## splits: gold chains over most dyad events")
    for ch, ms in splits[:n]:
        evs = Counter(resp[m] for m in ms)
        print(f"  chain {ch}: {len(ms)} mentions over {len(evs)} dyad events")
        seen = set()
        for m in ms:
            if resp[m] not in seen:
                seen.add(resp[m])
                print(show(m))
            if len(seen) >= 6:
                break


if __name__ == "__main__":
    main()
