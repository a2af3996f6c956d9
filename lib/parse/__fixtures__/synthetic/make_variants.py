import json, os, re, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
def load(stem): return open(os.path.join(src, stem + ".txt"), encoding="utf-8").read(), json.load(open(os.path.join(src, stem + ".json"), encoding="utf-8"))
def save(stem, text, exp): 
    open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8").write(text)
    json.dump(exp, open(os.path.join(out, stem + ".json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
T3 = "三、收到和处理政府信息公开申请情况"
def in_tables(text, fn):
    a = text.index("二、主动公开政府信息情况"); b = text.index("五、存在的主要问题")
    return text[:a] + fn(text[a:b]) + text[b:]
for stem in [f[:-4] for f in os.listdir(src) if f.endswith(".txt") and f.startswith("site_")]:
    text, exp = load(stem)
    sep = " |" if "percell" in stem else " | " if "pipe" in stem else None
    # zeros printed as blanks: '—' in cells
    t = in_tables(text, lambda s: re.sub(r"(?m)(^|\| )0(?= \||$)", lambda m: m.group(1) + "—", s))
    e = json.loads(json.dumps(exp)); e["values"] = {k: (None if v == 0 else v) for k, v in e["values"].items()}; e["consistency"] = "ok"
    save(stem + "__dash_zeros", t, e)
    # zeros printed as empty cells
    if "pipe" in stem or "percell" in stem:
        t = in_tables(text, lambda s: re.sub(r"(?m)(^|\| )0(?= \||$)", lambda m: m.group(1) + "", s))
        save(stem + "__empty_zeros", t, e)
    # thousands separators
    t = in_tables(text, lambda s: re.sub(r"(?<![\d.,])(\d{4,})(?![\d.])", lambda m: f"{int(m.group(1)):,}", s))
    save(stem + "__thousands", t, exp)
    # full-width digits and punctuation
    fw = lambda s: "".join(chr(ord(c) + 0xfee0) if c.isdigit() or c in "()." else c for c in s)
    save(stem + "__fullwidth", in_tables(text, fw), exp)
    # 合计 for 总计, no numbering, spaced labels
    t = in_tables(text, lambda s: s.replace("总计", "合计"))
    save(stem + "__heji", t, exp)
    t = in_tables(text, lambda s: re.sub(r"(?m)(^|\| )(?:[一二三四]、|\([一二三四五六七]\)|[1-8]\.)", r"\1", s))
    save(stem + "__nonumbers", t, exp)
    t = in_tables(text, lambda s: re.sub(r"本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|结转下年度继续办理", lambda m: " ".join(m.group(0)), s))
    save(stem + "__spaced", t, exp)
    # header with the year: 本年(2023)制发件数; title with two years
    y = exp["year"]
    t = text.replace("本年制发件数", f"本年({y})制发件数").replace("本年新制作数量", f"本年({y})新制作数量")
    t = t.replace(f"{y}年政府信息公开工作年度报告", f"{y}年度政府信息公开工作年度报告", 1)
    t = t.replace("一、总体情况", f"发布日期:{y+1}-01-20\n一、总体情况", 1)
    save(stem + "__yearheader", t, exp)
print("ok")
