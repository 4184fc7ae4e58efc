#!/usr/bin/env python3
"""Raw-text evaluation for dyad's analysis against a UD CoNLL-U gold file.

usage:
  raw_eval.py make GOLD.conllu OUTDIR
      writes OUTDIR/NNNN.txt, one plain-text document per `# newdoc`:
      paragraphs (`# newpar`) separated by a blank line, sentences of a
      paragraph by one space, each sentence as its `# text` comment.
  raw_eval.py score GOLD.conllu SYSTEM.conllu [--json]
      SYSTEM is `dyad parse OUTDIR --format conllu` (documents in file-name
      order; MISC `TokenRange=start:end` gives character offsets into each
      document). Prints sentence, token and word F1 and LAS/UAS F1 (words and
      heads aligned by character span; LAS compares the relation before ':').
"""
import json, os, sys


def gold_docs(path):
    """[(text, sentences)] with sentences = [(start, end, words)] and words =
    [(start, end, head_index or -1, deprel)] in character offsets."""
    docs, cur, block = [], None, []

    def flush_block():
        nonlocal block
        if block:
            add_sentence(block)
        block = []

    def add_sentence(lines):
        nonlocal cur
        comments = [l for l in lines if l.startswith("#")]
        rows = [l.split("\t") for l in lines if not l.startswith("#")]
        newdoc = any(c.startswith("# newdoc") for c in comments)
        newpar = any(c.startswith("# newpar") for c in comments)
        text = next((c.split("=", 1)[1].strip() for c in comments if c.startswith("# text =")), None)
        if cur is None or newdoc:
            cur = {"text": "", "sents": []}
            docs.append(cur)
        elif newpar:
            cur["text"] += "\n\n"
        elif cur["text"]:
            cur["text"] += " "
        base = len(cur["text"])
        if text is None:
            text = " ".join(r[1] for r in rows if "." not in r[0] and "-" not in r[0])
        cur["text"] += text
        # Align tokens (ranges and plain words) to the sentence text.
        pos, words, ranges = 0, {}, {}
        i = 0
        while i < len(rows):
            r = rows[i]
            if "." in r[0]:
                i += 1
                continue
            if "-" in r[0]:
                a, b = map(int, r[0].split("-"))
                form = r[1]
                start = text.find(form, pos)
                if start < 0:
                    start = pos
                end = start + len(form)
                parts = [x for x in rows if x[0].isdigit() and a <= int(x[0]) <= b]
                joined = "".join(p[1] for p in parts)
                off = start
                for p in parts:
                    if joined == form:
                        s, e = off, off + len(p[1])
                        off = e
                    else:
                        s, e = start, end
                    words[int(p[0])] = (base + s, base + e, int(p[6]), p[7].split(":")[0])
                pos = end
                i += 1 + len(parts)
                continue
            form = r[1]
            start = text.find(form, pos)
            if start < 0:
                start = pos
            end = start + len(form)
            words[int(r[0])] = (base + start, base + end, int(r[6]), r[7].split(":")[0])
            pos = end
            i += 1
        ws = [words[k] for k in sorted(words)]
        if ws:
            cur["sents"].append((ws[0][0], ws[-1][1], ws))

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            flush_block()
            continue
        block.append(line)
    flush_block()
    return docs


def make(gold, outdir):
    os.makedirs(outdir, exist_ok=True)
    for i, d in enumerate(gold_docs(gold)):
        with open(os.path.join(outdir, f"{i + 1:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(d["text"])


def system_docs(path):
    docs, cur, rows = [], None, []

    def flush():
        nonlocal rows
        if rows:
            ws = []
            for r in rows:
                rng = next((m.split("=", 1)[1] for m in r[9].split("|") if m.startswith("TokenRange=")), None)
                if rng is None:
                    continue
                s, e = map(int, rng.split(":"))
                ws.append((s, e, int(r[6]), r[7].split(":")[0]))
            if ws:
                cur["sents"].append((ws[0][0], ws[-1][1], ws))
        rows = []

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            flush()
            cur = {"sents": []}
            docs.append(cur)
        elif not line:
            flush()
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                rows.append(cols)
    flush()
    return docs


def f1(correct, system, gold):
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def spans_with_heads(sents):
    out = {}
    for (_, _, ws) in sents:
        for (s, e, h, d) in ws:
            head = None if h == 0 else (ws[h - 1][0], ws[h - 1][1])
            out[(s, e)] = (head, d)
    return out


def score(gold_path, sys_path):
    gd, sd = gold_docs(gold_path), system_docs(sys_path)
    c = {"sent": [0, 0, 0], "word": [0, 0, 0], "uas": 0, "las": 0}
    for i, g in enumerate(gd):
        s = sd[i] if i < len(sd) else {"sents": []}
        gs = {(a, b) for (a, b, _) in g["sents"]}
        ss = {(a, b) for (a, b, _) in s["sents"]}
        c["sent"][0] += len(gs & ss); c["sent"][1] += len(ss); c["sent"][2] += len(gs)
        gw, sw = spans_with_heads(g["sents"]), spans_with_heads(s["sents"])
        common = set(gw) & set(sw)
        c["word"][0] += len(common); c["word"][1] += len(sw); c["word"][2] += len(gw)
        for k in common:
            if gw[k][0] == sw[k][0]:
                c["uas"] += 1
                if gw[k][1] == sw[k][1]:
                    c["las"] += 1
    out = {
        "documents": len(gd), "system_documents": len(sd),
        "sentence_f1": f1(*c["sent"]),
        "token_f1": f1(*c["word"]),
        "uas_f1": f1(c["uas"], c["word"][1], c["word"][2]),
        "las_f1": f1(c["las"], c["word"][1], c["word"][2]),
    }
    return out


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    elif len(sys.argv) >= 4 and sys.argv[1] == "score":
        out = score(sys.argv[2], sys.argv[3])
        print(json.dumps(out) if "--json" in sys.argv else " ".join(f"{k}={v}" for k, v in out.items()))
    else:
        print(__doc__)
        sys.exit(1)


if __name__ == "__main__":
    main()
