"""Writes synthetic reports in the crawled-site styles seen in the pages corpus, with expected values."""
import json, os, random, sys
OUT = sys.argv[1]
COLS = ["natural","business","research","nonprofit","legal","other","total"]
ROWS21 = [("new","一、本年新收政府信息公开申请数量",None),("carried_over","二、上年结转政府信息公开申请数量",None),
 ("granted","(一)予以公开","三、本年度办理结果"),("partial","(二)部分公开(区分处理的,只计这一情形,不计其他情形)",None),
 ("denied.state_secret","1.属于国家秘密","(三)不予公开"),("denied.prohibited_by_law","2.其他法律行政法规禁止公开",None),
 ("denied.three_safeties","3.危及“三安全一稳定”",None),("denied.third_party","4.保护第三方合法权益",None),
 ("denied.internal_affairs","5.属于三类内部事务信息",None),("denied.process_info","6.属于四类过程性信息",None),
 ("denied.enforcement_files","7.属于行政执法案卷",None),("denied.query_items","8.属于行政查询事项",None),
 ("unavailable.not_held","1.本机关不掌握相关政府信息","(四)无法提供"),("unavailable.needs_creation","2.没有现成信息需要另行制作",None),
 ("unavailable.unclear","3.补正后申请内容仍不明确",None),("rejected.petition","1.信访举报投诉类申请","(五)不予处理"),
 ("rejected.duplicate","2.重复申请",None),("rejected.publication","3.要求提供公开出版物",None),("rejected.excessive","4.无正当理由大量反复申请",None),
 ("rejected.confirmation","5.要求行政机关确认或重新出具已获取信息",None),
 ("other.no_correction","1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请","(六)其他处理"),
 ("other.no_fee","2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",None),("other.misc","3.其他",None),
 ("total","(七)总计",None),("carried_forward","四、结转下年度继续办理",None)]
ROWS19 = [r for r in ROWS21 if not r[0].startswith("other.")]
ROWS19.insert(ROWS19.index(next(r for r in ROWS19 if r[0]=="total")), ("other.combined","(六)其他处理",None))
OUTCOMES = [r[0] for r in ROWS21 if r[0] not in ("new","carried_over","total","carried_forward")]

def make_apps(rng, fmt):
    rows = ROWS21 if fmt=="2021" else ROWS19
    outs = [r[0] for r in rows if r[0] not in ("new","carried_over","total","carried_forward")]
    v = {}
    tot = [0]*6
    for k in outs:
        cells = [0]*6
        if rng.random() < 0.35:
            cells[0] = rng.randint(1, 40); 
            if rng.random()<0.4: cells[1] = rng.randint(1,5)
        for i in range(6): tot[i]+=cells[i]
        v[k] = cells
    v["total"] = tot
    cf = [rng.randint(0,3) if i==0 else 0 for i in range(6)]
    co = [rng.randint(0,2) if i==0 else 0 for i in range(6)]
    new = [tot[i]+cf[i]-co[i] for i in range(6)]
    for i in range(6):
        if new[i] < 0: co[i] += -new[i]; new[i] = 0
    v["new"], v["carried_over"], v["carried_forward"] = new, co, cf
    out = {}
    for k, cells in v.items():
        for c, x in zip(COLS, cells + [sum(cells)]): out[f"apps.{k}.{c}"] = x
    return out

def make_active(rng, fmt):
    if fmt == "2021":
        a = {"active.rules.issued":0,"active.rules.repealed":0,"active.rules.in_force":rng.randint(0,3),
             "active.normative.issued":rng.randint(0,12),"active.normative.repealed":rng.randint(0,4),"active.normative.in_force":rng.randint(12,80),
             "active.licensing":rng.randint(0,3000),"active.penalty":rng.randint(0,500),"active.enforcement":rng.randint(0,40),"active.fees":round(rng.uniform(0,900),2)}
    else:
        a = {}
        for k in ("rules","normative"):
            m = rng.randint(0,9); a[f"active.{k}.made"]=m; a[f"active.{k}.published"]=m; a[f"active.{k}.total"]=m+rng.randint(0,50)
        for k in ("licensing","other_services","penalty","enforcement"):
            p = rng.randint(0,300); a[f"active.{k}.prev"]=p; a[f"active.{k}.change"]=rng.randint(-min(p,9),9); a[f"active.{k}.decisions"]=rng.randint(0,2000)
        a["active.fees.prev"]=rng.randint(0,20); a["active.fees.change"]=rng.randint(-2,2)
        a["active.procurement.items"]=rng.randint(0,30); a["active.procurement.amount"]=round(rng.uniform(0,800),2)
    return a

def make_review(rng):
    v = {}
    for g in ("review","litigation.direct","litigation.after_review"):
        cells = [rng.randint(0,2) if rng.random()<0.3 else 0 for _ in range(4)]
        for r, x in zip(("upheld","corrected","other","pending","total"), cells+[sum(cells)]): v[f"{g}.{r}"] = x
    return v

def fmtnum(x): 
    return (("%.2f" % x).rstrip("0").rstrip(".") if isinstance(x, float) else str(x))

ACTIVE21 = [("第二十条第(一)项",["信息内容","本年制发件数","本年废止件数","现行有效件数"],[("规章",["active.rules.issued","active.rules.repealed","active.rules.in_force"]),("行政规范性文件",["active.normative.issued","active.normative.repealed","active.normative.in_force"])]),
 ("第二十条第(五)项",["信息内容","本年处理决定数量"],[("行政许可",["active.licensing"])]),
 ("第二十条第(六)项",["信息内容","本年处理决定数量"],[("行政处罚",["active.penalty"]),("行政强制",["active.enforcement"])]),
 ("第二十条第(八)项",["信息内容","本年收费金额(单位:万元)"],[("行政事业性收费",["active.fees"])])]
def t3(k): return [f"active.{k}.prev",f"active.{k}.change",f"active.{k}.decisions"]
ACTIVE19 = [("第二十条第(一)项",["信息内容","本年新制作数量","本年新公开数量","对外公开总数量"],[("规章",["active.rules.made","active.rules.published","active.rules.total"]),("规范性文件",["active.normative.made","active.normative.published","active.normative.total"])]),
 ("第二十条第(五)项",["信息内容","上一年项目数量","本年增/减","处理决定数量"],[("行政许可",t3("licensing")),("其他对外管理服务事项",t3("other_services"))]),
 ("第二十条第(六)项",["信息内容","上一年项目数量","本年增/减","处理决定数量"],[("行政处罚",t3("penalty")),("行政强制",t3("enforcement"))]),
 ("第二十条第(八)项",["信息内容","上一年项目数量","本年增/减"],[("行政事业性收费",["active.fees.prev","active.fees.change"])]),
 ("第二十条第(九)项",["信息内容","采购项目数量","采购总金额"],[("政府集中采购",["active.procurement.items","active.procurement.amount"])])]
REVIEW_KEYS = [f"{g}.{r}" for g in ("review","litigation.direct","litigation.after_review") for r in ("upheld","corrected","other","pending","total")]

def report(style, fmt, year, agency, seed, title_extra=""):
    rng = random.Random(seed)
    vals = {**make_active(rng, fmt), **make_apps(rng, fmt), **make_review(rng)}
    total_items = rng.randint(30, 900)
    lines = [f"{agency}{year}年{title_extra}政府信息公开工作年度报告", "一、总体情况",
      f"本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
      f"(一)主动公开情况。{year}年,{agency}通过政府网站主动公开政府信息{total_items}条,其中工作动态{total_items//2}条。",
      f"(二)依申请公开情况。全年新收政府信息公开申请{vals['apps.new.total']}件。",
      "二、主动公开政府信息情况"]
    active = ACTIVE21 if fmt == "2021" else ACTIVE19
    rows = ROWS21 if fmt == "2021" else ROWS19
    def v(k): return fmtnum(vals[k])
    if style == "percell":      # one cell per line ending with " |", merged cells as "|||"
        for head, hdr, rws in active:
            lines.append(f"{head} | |||")
            lines += [h + " |" for h in hdr]
            for label, keys in rws:
                lines.append(label + " |"); lines += [v(k) + " |" for k in keys]
        lines += ["三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |", "申请人情况 |", "||||||||",
                  "自然人 |", "法人或其他组织 |", "总计 |", "|||||||", "商业 企业 |", "科研 机构 |", "社会公益组织 |", "法律服务机构 |", "其他 |", "|||||"]
        for key, label, group in rows:
            if group: lines.append(group + " |")
            lines.append(label + " |"); lines += [v(f"apps.{key}.{c}") + " |" for c in COLS]
        lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 |", "行政诉讼 |", "||||||||||||||", "结果维持 |", "结果纠正 |", "其他结果 |", "尚未审结 |", "总计 |", "未经复议直接起诉 |", "复议后起诉 |", "||||||||||"]
        lines += [h + " |" for h in ["结果维持","结果纠正","其他结果","尚未审结","总计"]*2]
        lines += [v(k) + " |" for k in REVIEW_KEYS]
    elif style == "pipe-rows":  # one table row per line, cells separated by " | ", no leading pipe
        for head, hdr, rws in active:
            lines.append(f"{head} | ||||")
            lines.append(" | ".join(hdr) + " | |")
            for label, keys in rws: lines.append(label + " | " + " | ".join(v(k) for k in keys) + " | |")
        lines += ["三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||",
                  "自然人 | 法人或其他组织 | 总计 | |||||||", "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||"]
        for key, label, group in rows:
            cells = " | ".join(v(f"apps.{key}.{c}") for c in COLS)
            lines.append((group + " | " if group else "") + label + " | " + cells + " | |")
        lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 | 行政诉讼 | ||||||||||||||",
                  "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||||",
                  "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
                  " | ".join(v(k) for k in REVIEW_KEYS) + " |"]
    elif style == "blanklines":  # one cell per line with blank lines between, header words split
        def add(*cells):
            for c in cells: lines.extend([c, ""])
        for head, hdr, rws in active:
            add(head, *hdr)
            for label, keys in rws: add(label, *[v(k) for k in keys])
        add("三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织", "总计",
            "商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他")
        for key, label, group in rows:
            if group: add(*group.split(" "))
            add(label, *[v(f"apps.{key}.{c}") for c in COLS])
        add("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
            *(["结果维持","结果纠正","其他结果","尚未审结","总计"]*2), *[v(k) for k in REVIEW_KEYS])
    elif style == "pipe-lines":  # each cell on a line, a line holding only "|" after every cell
        def add(*cells):
            for c in cells: lines.extend([c, "|"])
        lines.append("该部分以表格形式报告。表格如下:")
        for head, hdr, rws in active:
            lines.append(head); add(*hdr)
            for label, keys in rws: add(label, *[v(k) for k in keys])
        lines += ["三、收到和处理政府信息公开申请情况", "该部分以表格形式报告。表格如下:"]
        add("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织", "总计", "商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他")
        for key, label, group in rows:
            if group: add(group)
            add(label, *[v(f"apps.{key}.{c}") for c in COLS])
        lines.append("四、政府信息公开行政复议、行政诉讼情况")
        add("行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
            *(["结果维持","结果纠正","其他结果","尚未审结","总计"]*2), *[v(k) for k in REVIEW_KEYS])
    elif style == "padded-blanklines":  # blank lines between cells, numbers padded with spaces, header words broken
        def add(*cells):
            for c in cells: lines.extend([c, ""])
        pad = lambda x, i: ("  " if i % 3 == 0 else " ") + x + (" " if i % 4 == 1 else "")
        for head, hdr, rws in active:
            add(head, *[h.replace("本年新", "本年新\n") for h in hdr])
            for label, keys in rws: add(label, *[pad(v(k), i) for i, k in enumerate(keys)])
        add("三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "法人或其他组织", "总计",
            "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
        for key, label, group in rows:
            if group: add(group)
            add(label, *[pad(v(f"apps.{key}.{c}"), i) for i, c in enumerate(COLS)])
        add("四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
            *(["结果维持","结果纠正","其他结果","尚未审结","总计"]*2), *[pad(v(k), i) for i, k in enumerate(REVIEW_KEYS)])
    lines += ["五、存在的主要问题及改进情况", "一是公开内容的深度不够;二是政策解读形式单一。下一步,将加强业务培训,提升公开质量。",
              "六、其他需要报告的事项", "本年度未收取信息处理费。"]
    return "\n".join(lines) + "\n", vals, total_items

CASES = [
  ("site_percell_street_2023", "percell", "2021", 2023, "北京市朝阳区佳荣里街道办事处", 11, "", "佳荣里街道", "street", "township"),
  ("site_pipe_rows_town_2022", "pipe-rows", "2021", 2022, "湖南省湘阴县杨林寨乡人民政府", 12, "", "杨林寨乡", "township", "township"),
  ("site_blanklines_town_2022", "blanklines", "2021", 2022, "陕西省西咸新区太平镇人民政府", 13, "", "太平镇", "town", "township"),
  ("site_pipe_rows_2019format_2022", "pipe-rows", "2019", 2022, "四川省达州市通川区丰收乡人民政府", 14, "", "丰收乡", "township", "township"),
  ("site_percell_2019format_2020", "percell", "2019", 2020, "浙江省宁波市江北区住房和城乡建设局", 15, "度", "江北区住房和城乡建设局", "department", "county"),
  ("site_pipelines_town_2023", "pipe-lines", "2021", 2023, "新疆维吾尔自治区那拉提镇人民政府", 16, "", "那拉提镇", "town", "township"),
  ("site_padded_2019format_town_2020", "padded-blanklines", "2019", 2020, "河北省迁安市大五里镇人民政府", 17, "", "大五里镇", "town", "township"),
]
for stem, style, fmt, year, agency, seed, extra, short, kind, level in CASES:
    text, vals, total = report(style, fmt, year, agency, seed, extra)
    open(os.path.join(OUT, stem + ".txt"), "w", encoding="utf-8").write(text)
    json.dump({"format": fmt, "year": year, "agency": {"name": [short, agency], "kind": kind, "level": level},
               "activeDisclosureTotal": total, "consistency": "ok", "values": vals},
              open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("ok")
