"""Writes synthetic site pages (HTML, GBK-encoded) with the report's tables, and expected values."""
import json, os, random, sys, importlib.util
spec = importlib.util.spec_from_file_location("mr", os.path.join(os.path.dirname(os.path.abspath(__file__)), "make_reports.py"))  # reuses its value makers
OUT = sys.argv[1]
src = open(spec.origin, encoding="utf-8").read().split("CASES = [")[0]
mr = {}
exec(src.replace("OUT = sys.argv[1]", "OUT = None"), mr)

def td(x, attrs=""):
    return f'<td{attrs}><p style="text-align:center"><span style="font-family:宋体;font-size:12px">{x}</span></p></td>'

def page(stem, fmt, year, agency, seed, short, kind, level, dash_zero):
    rng = random.Random(seed)
    vals = {**mr["make_active"](rng, fmt), **mr["make_apps"](rng, fmt), **mr["make_review"](rng)}
    total = rng.randint(30, 900)
    shown = lambda k: ("—" if dash_zero and vals[k] == 0 else mr["fmtnum"](vals[k]))
    expected = {k: (None if dash_zero and v == 0 else v) for k, v in vals.items()}
    h = [f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{agency}{year}年政府信息公开工作年度报告</title></head><body>',
         '<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div>',
         f'<table class="meta"><tr><td>索引号</td><td>11350128/{year+1}-00012</td><td>发布机构</td><td>{short}</td></tr>'
         f'<tr><td>发布日期</td><td>{year+1}-01-18</td><td>浏览次数</td><td>{rng.randint(50,999)}</td></tr></table>',
         f'<h1>{agency}{year}年政府信息公开工作年度报告</h1>',
         f'<p>　　本报告根据《中华人民共和国政府信息公开条例》编制。所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>',
         '<p><strong>一、总体情况</strong></p>',
         f'<p>　　（一）主动公开情况。{year}年，{short}主动公开政府信息{total}条，其中工作动态{total//3}条。</p>',
         '<p><strong>二、主动公开政府信息情况</strong></p>']
    active = mr["ACTIVE21"] if fmt == "2021" else mr["ACTIVE19"]
    for head, hdr, rws in active:
        h.append('<table border="1" cellspacing="0">')
        h.append(f'<tr><td colspan="4" style="background:#ddd">{head.replace("(", "（").replace(")", "）")}</td></tr>')
        h.append("<tr>" + "".join(td(x) for x in hdr) + "</tr>")
        for label, keys in rws:
            h.append("<tr>" + td(label) + "".join(td(shown(k), f' colspan="{3 if len(keys) == 1 else 1}"' if len(keys) == 1 else "") for k in keys) + "</tr>")
        h.append("</table>")
    h.append('<p><strong>三、收到和处理政府信息公开申请情况</strong></p><table border="1" cellspacing="0">')
    h.append('<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>')
    h.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    h.append("<tr>" + "".join(td(x) for x in ["商业<br>企业", "科研<br>机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>")
    rows = mr["ROWS21"] if fmt == "2021" else mr["ROWS19"]
    spans = {"granted": 22 if fmt == "2021" else 20, "denied.state_secret": 8, "unavailable.not_held": 3, "rejected.petition": 5, "other.no_correction": 3}
    for key, label, group in rows:
        label = label.replace("(", "（").replace(")", "）")
        cells = "".join(td(shown(f"apps.{key}.{c}")) for c in mr["COLS"])
        if key in ("new", "carried_over", "carried_forward"):
            h.append(f'<tr><td colspan="3">{label}</td>{cells}</tr>')
        elif key == "total" or key in ("partial", "other.combined"):
            h.append(f'<tr><td colspan="2">{label}</td>{cells}</tr>')
        elif key == "granted":
            h.append(f'<tr><td rowspan="{spans[key]}">三、本年度办理结果</td><td colspan="2">{label}</td>{cells}</tr>')
        elif group:
            h.append(f'<tr><td rowspan="{spans[key]}">{group.replace("(", "（").replace(")", "）")}</td><td>{label}</td>{cells}</tr>')
        else:
            h.append(f'<tr><td>{label}</td>{cells}</tr>')
    h.append("</table>")
    h.append('<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p><table border="1" cellspacing="0">')
    h.append('<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>')
    h.append('<tr>' + "".join(f'<td rowspan="2">{x}</td>' for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]) + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>')
    h.append("<tr>" + "".join(td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2) + "</tr>")
    h.append("<tr>" + "".join(td(shown(k)) for k in mr["REVIEW_KEYS"]) + "</tr></table>")
    h.append('<p><strong>五、存在的主要问题及改进情况</strong></p><p>　　一是公开内容不够丰富；二是解读形式单一。</p>')
    h.append('<p><strong>六、其他需要报告的事项</strong></p><p>　　本年度未收取信息处理费。</p>')
    h.append(f'<table class="footer"><tr><td>主办单位：{short}</td><td>网站标识码 3501280001</td><td>访问量 {rng.randint(10000, 99999)}</td></tr></table></body></html>')
    open(os.path.join(OUT, stem + ".html"), "wb").write("\n".join(h).encode("gbk"))
    json.dump({"format": fmt, "year": year, "agency": {"name": [short, agency], "kind": kind, "level": level},
               "activeDisclosureTotal": total, "consistency": "ok", "values": expected},
              open(os.path.join(OUT, stem + ".json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)

page("sitehtml_gbk_district_department_2021", "2021", 2021, "福州市鼓楼区教育局", 21, "鼓楼区教育局", "department", "county", False)
page("sitehtml_gbk_town_2019format_2020", "2019", 2020, "福建省平潭综合实验区流水镇人民政府", 22, "流水镇", "town", "township", True)
print("ok")
