"""A synthetic corpus of district and county newspaper pages, for benchmarks.

    .venv/bin/python benchmarks/corpus.py OUT_DIR [--mb 10] [--seed 1]

    from benchmarks.corpus import write_corpus, generate
    files = write_corpus(Path("/tmp/corpus"), mb=10, seed=1)

Pages have the genre's shape: a kicker naming the district ("北关区:"), headlines,
sub-headlines, bylines (□本报记者 X, 本报讯(记者 X), 记者 X 通讯员 Y/图, trailing
(X Y)), photo captions (图为…(X摄)), quotes with the speaker's position, section
heads, and paragraphs that the layout broke mid-sentence. Names vary so that the
graph grows with the corpus instead of repeating a handful of pages:

- districts, counties and their 街道/镇/乡 are real, from kg/data/divisions.tsv.gz;
  pages walk through the counties, about three pages each;
- communities and villages are generated per 街道/镇 (each has a dozen), so the same
  社区 comes back on other pages about its district;
- people are generated from kg/data/surnames.txt and given-name characters; each
  district has its officials (who are quoted again) and each page its residents;
- programs (“…工程”, “…”行动, …活动), organizations (区委组织部, …街道党工委,
  …社区党支部, …有限公司, …局) are generated from word pools.

Deterministic: page i depends only on (seed, i), so adding pages changes no other page.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.gazetteer import Gazetteer  # noqa: E402
from kg.lexicon import words  # noqa: E402

PAGES_PER_COUNTY = 3

GIVEN = ("建 国 明 伟 芳 强 丽 军 洋 勇 艳 杰 娟 涛 超 秀 霞 平 刚 桂 英 华 玉 兰 敏 静 磊 鹏 辉 晨 嘉 瑞 "
         "庆 红 梅 志 文 海 波 宁 欣 婷 雪 峰 斌 飞 凯 俊 慧 琳 晓 燕 亮 东 春 秋 冬 振 宇 鑫 佳 雨 "
         "阳 林 森 荣 新 顺 忠 德 永 福 贵 喜 成 金 银 彬 浩 然 思 远 博 轩 泽 萍 颖 倩 莉 娜 蕾").split()
PLACE_CHARS = ("东 西 南 北 新 兴 安 和 平 康 宁 福 祥 盛 丰 华 光 明 阳 春 青 松 柏 杨 柳 桃 李 梨 枣 "
               "河 湖 泉 山 岭 坡 岗 沟 桥 园 苑 庄 营 屯 寨 店 集 关 湾 口 坪 台 花 金 银 玉 龙 凤 "
               "鹤 长 乐 嘉 瑞 德 顺 仁 义 礼 信 文 武 建 设 团 结 红 星 曙 朝 霞 永 兴 昌 隆").split()
PROGRAM_WORDS = ("头雁 领航 强基 固本 红色 清风 暖心 连心 幸福 和美 美丽 智慧 平安 文明 绿色 振兴 "
                 "双迎 双创 三治 四零 五星 六进 七彩 百日 千村 万户 聚力 筑梦 追梦 红心 初心 匠心 "
                 "同心 携手 先锋 雁阵 铸魂 育苗 润心 护航 惠民 便民 利民 安居 乐业 富民 兴村 "
                 "书香 健康 邻里 楼院 网格 扫黑 除恶 蓝天 碧水 净土 夕阳 春风 雨露 蒲公英 向日葵").split()
PROGRAM_HEADS_Q = ("工程", "行动", "活动", "计划", "服务", "工作法", "攻坚战", "大讲堂", "志愿服务活动")
INDUSTRY = ("农业科技", "农机", "食品", "物业服务", "建筑工程", "电子商务", "现代农业", "生物科技", "文化传媒",
            "新材料", "机械制造", "纺织", "环保科技", "物流", "旅游开发", "中药材种植")
COMPANY_CHARS = ("全丰 金穗 华信 恒泰 瑞丰 宏达 鑫源 裕隆 正大 天成 兴旺 福临 昌盛 永安 新程 "
                 "嘉禾 丰源 广运 盛世 汇通 众联 宜居 惠众 银河 长青 东方 晨光 天润 绿源").split()
COUNTY_BODIES = ("委组织部", "委宣传部", "委统战部", "委政法委", "纪委监委", "人民法院", "人民检察院", "交通运输局",
                 "教育局", "卫健委", "民政局", "人社局", "住建局", "应急管理局", "市场监督管理局", "文化广电和旅游局",
                 "农业农村局", "扶贫办", "妇联", "团委", "总工会", "残联", "科协", "退役军人事务局", "公安分局")
TOPICS = ("社区治理", "脱贫攻坚", "文明创建", "乡村振兴", "基层党建", "环境整治", "安全生产", "疫情防控",
          "扫黑除恶", "志愿服务", "民生实事", "老旧小区改造", "垃圾分类", "移风易俗", "法治建设", "营商环境")
EVENTS = ("党(总)支部书记教育培训班", "消防安全知识专题讲座", "法律知识进社区活动", "文艺汇演", "道德讲堂",
          "党员志愿服务日活动", "重阳节敬老活动", "主题党日活动", "技能培训班", "防汛应急演练", "健康义诊活动",
          "政策宣讲会", "邻里节", "廉政教育专题讲座", "理论学习中心组学习会")
CLAUSES = ("全面提升社区党建水平", "为城市基层治理提供坚强保证", "不断夯实党建基础", "着力解决群众急难愁盼问题",
           "进一步提高认识", "结合辖区工作实际", "细化实施方案", "全员上阵,全力以赴", "扎实推进各项工作",
           "坚持目标导向、问题导向", "积极整合党建资源", "形成一级抓一级、层层抓落实的局面",
           "让群众得到实实在在的实惠", "营造了浓厚的舆论氛围", "推动各项工作落地见效", "确保各项任务按时完成",
           "切实增强群众的获得感、幸福感、安全感", "做到人人知任务、人人有压力", "打通服务群众“最后一公里”",
           "把矛盾纠纷化解在萌芽状态", "持续改善人居环境", "激发群众内生动力", "以党建引领基层治理",
           "构建共建共治共享的社会治理格局", "建立健全长效机制", "广泛动员辖区单位和居民参与",
           "定期召开专题会议,研究新情况,解决新问题", "加强对接协调,形成工作合力", "坚持问题导向,补齐短板弱项")
SAYINGS = ("通过这次培训,我们的思路开阔了、清晰了", "政策好,咱也得努力向前跑", "社区越来越美了",
           "有困难找社区,心里踏实", "党员就要冲在前面", "我们将继续努力,把好事办好、实事办实",
           "现在住得舒心,出门也方便了", "这样的活动接地气,我们很欢迎", "下一步,我们将加大工作力度",
           "群众的事无小事", "只要大家心往一处想,就没有办不成的事", "感谢党和政府的好政策")
TITLES_BY_KIND = {
    "街道": ("书记", "副书记", "委员"),  # after …街道党工委
    "镇": ("书记", "副书记", "委员"),  # after …镇党委
    "乡": ("书记", "副书记", "委员"),
    "党支部": ("书记", "副书记"),
    "党总支": ("书记", "副书记"),
    "居委会": ("主任", "副主任"),
    "county": ("部长", "副部长", "局长", "副局长", "主任"),
    "company": ("总经理", "董事长", "经理"),
}
MONTHS = range(1, 13)


def _rng(*parts) -> random.Random:
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


@lru_cache(maxsize=1)
def _counties() -> tuple:
    """(county Division, its 街道/镇/乡 divisions) for counties with at least three of them."""
    gaz = Gazetteer.default()
    children: dict[str, list] = {}
    for d in gaz.divisions:
        if d.level == 4:
            children.setdefault(d.parent, []).append(d)
    out = []
    for d in gaz.divisions:
        if d.level == 3 and d.name.endswith(("区", "县")) and len(d.name) >= 3 \
                and len(children.get(d.code, ())) >= 3:
            towns = [t for t in children[d.code] if t.name.endswith(("街道", "镇", "乡")) and len(t.name) >= 3]
            if len(towns) >= 3:
                out.append((d, tuple(towns)))
    _rng("counties").shuffle(out)
    return tuple(out)


@lru_cache(maxsize=1)
def _surnames() -> tuple[str, ...]:
    return tuple(sorted(w for w in words("surnames.txt") if len(w) == 1))


def person(r: random.Random) -> str:
    return r.choice(_surnames()) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2, 2))))


def _local_name(r: random.Random) -> str:
    return "".join(r.sample(PLACE_CHARS, 2))


class _County:
    """Everything the pages about one county share: its towns, communities, officials, programs."""

    def __init__(self, seed: int, k: int):
        county, towns = _counties()[k % len(_counties())]
        self.name = county.name
        self.level = county.name[-1]  # 区 or 县
        r = _rng(seed, "county", county.code)
        self.towns = list(towns)
        self.locals: dict[str, list[str]] = {}
        for t in self.towns:
            head = "社区" if t.name.endswith("街道") else "村"
            tr = _rng(seed, "locals", t.code)
            names = []
            while len(names) < 12:
                n = _local_name(tr) + head
                if n not in names:
                    names.append(n)
            self.locals[t.name] = names
        self.officials = {body: person(r) for body in COUNTY_BODIES}
        self.town_officials = {t.name: [person(r) for _ in range(3)] for t in self.towns}
        self.programs = [_program(r) for _ in range(6)]
        self.companies = [f"{self.name[:-1] if len(self.name) > 2 else self.name}{r.choice(COMPANY_CHARS)}"
                          f"{r.choice(INDUSTRY)}有限公司" for _ in range(3)]


def _program(r: random.Random) -> str:
    a, b = r.sample(PROGRAM_WORDS, 2)
    head = r.choice(PROGRAM_HEADS_Q)
    if head in ("工程", "计划", "工作法", "大讲堂"):
        return f"“{a}{b}{head}”"
    return f"“{a}{b}”{head}"


def _sentences(r: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lead = r.choice(("今年以来", "近年来", "同时", "此外", "目前", "下一步", ""))
        out.append(f"{lead}{',' if lead and r.random() < 0.5 else ''}{r.choice(CLAUSES)},{r.choice(CLAUSES)}。")
    return "".join(out)


class _Page:
    def __init__(self, seed: int, i: int):
        self.r = _rng(seed, "page", i)
        self.c = _County(seed, i // PAGES_PER_COUNTY)
        self.residents = [person(self.r) for _ in range(8)]

    # -- pieces ------------------------------------------------------------------

    def town(self):
        return self.r.choice(self.c.towns).name

    def local(self, town: str) -> str:
        return self.r.choice(self.c.locals[town])

    def program(self) -> str:
        if self.r.random() < 0.6:
            return self.r.choice(self.c.programs)
        return _program(self.r)

    def date(self) -> str:
        return f"{self.r.choice(MONTHS)}月{self.r.randint(1, 28)}日"

    def org_and_title(self, town: str) -> tuple[str, str, str]:
        """(organization as written, title, person) for a quote or a position."""
        r, c = self.r, self.c
        kind = r.choice(("street", "community", "county", "company", "street"))
        if kind == "street":
            org = town + ("党工委" if town.endswith("街道") else "党委")
            head = "街道" if town.endswith("街道") else town[-1]
            return org, r.choice(TITLES_BY_KIND[head]), r.choice(c.town_officials[town])
        if kind == "community":
            loc = self.local(town)
            body = "党支部" if loc.endswith("村") else r.choice(("党支部", "党总支", "居委会"))
            return loc + body, r.choice(TITLES_BY_KIND[body]), self.r.choice(self.residents)
        if kind == "county":
            body = r.choice(COUNTY_BODIES[:8])
            # 区委组织部 (the page's own district) or 北关区委组织部; 区交通运输局 or 北关区交通运输局
            written = (c.level if r.random() < (0.5 if body.startswith("委") else 0.3) else c.name) + body
            return written, r.choice(TITLES_BY_KIND["county"]), c.officials[body]
        return r.choice(c.companies), r.choice(TITLES_BY_KIND["company"]), self.r.choice(self.residents)

    def quote(self, town: str) -> str:
        r = self.r
        org, title, who = self.org_and_title(town)
        saying = r.choice(SAYINGS)
        form = r.randrange(4)
        if form == 0:
            return f"“{saying}。”{org}{title}{who}说。"
        if form == 1:
            return f"{org}{title}{who}表示,{saying}。"
        if form == 2:
            return f"据{org}{title}{who}介绍,{r.choice(CLAUSES)},{r.choice(CLAUSES)}。"
        return f"“{saying}!”{who}{r.choice(('激动地说', '笑着说', '告诉记者'))}。"

    def paragraph(self, town: str) -> str:
        r, c = self.r, self.c
        parts = []
        for _ in range(r.randint(2, 5)):
            k = r.randrange(12)
            loc = self.local(town)
            if k == 0:
                others = r.sample(c.towns, min(3, len(c.towns)))
                parts.append(f"{c.name}辖{'、'.join(t.name for t in others)}等{r.randint(3, 20)}个乡镇(街道)"
                             f"{r.randint(20, 300)}个村(社区)。")
            elif k == 1:
                parts.append(f"{r.choice(('今年以来', '今年年初以来', '近年来'))},{c.level}委组织部紧密结合"
                             f"{r.choice(TOPICS)}实际,深入推进{self.program()},{r.choice(CLAUSES)}。")
            elif k == 2:
                parts.append(f"{self.date()},{town}{'办事处' if town.endswith('街道') else '人民政府'}"
                             f"举办了{r.choice(EVENTS)}。")
            elif k == 3:
                parts.append(f"{town}{loc}{r.choice(('党支部', '党总支', '居委会', '村委会'))}"
                             f"{r.choice(('开展', '组织开展', '启动', '实施'))}{self.program()},{r.choice(CLAUSES)}。")
            elif k == 4:
                parts.append(self.quote(town))
            elif k == 5:
                parts.append(f"该{town[-2:] if town.endswith('街道') else town[-1]}{r.choice(CLAUSES)},"
                             f"{r.choice(CLAUSES)}。")
            elif k == 6:
                parts.append(f"{r.choice(c.companies)}积极参与{self.program()},带动{loc}{r.randint(10, 200)}户群众增收。")
            elif k == 7:
                res = r.choice(self.residents)
                parts.append(f"{self.date()},居住在{town}{loc}的居民{res}{r.choice(('竖起大拇指', '连连称赞', '深有感触'))}。")
            elif k == 8:
                parts.append(f"在{c.level}委、{c.level}政府的大力支持下,{town}{r.choice(CLAUSES)}。")
            elif k == 9:
                parts.append(f"{town}位于{c.name}{r.choice(('东部', '西部', '南部', '北部', '中部'))},"
                             f"下辖{r.randint(5, 30)}个{'社区' if town.endswith('街道') else '行政村'}。")
            else:
                parts.append(_sentences(r, r.randint(1, 3)))
        return "".join(parts)

    def broken(self, par: str) -> list[str]:
        """The layout cuts a long paragraph mid-sentence (…较差、不能较\\n\\n好完成…)."""
        if len(par) > 80 and self.r.random() < 0.25:
            k = self.r.randint(40, len(par) - 20)
            if par[k - 1] not in "。!?”" and par[k] not in ",。、;:!?”)":
                return [par[:k], par[k:]]
        return [par]

    def headline(self, town: str) -> str:
        r = self.r
        return r.choice((
            f"{town}{r.choice(('多措并举', '扎实', '全力', '持续'))}推进{r.choice(TOPICS)}",
            f"实施{self.program()} 助力{r.choice(TOPICS)}",
            f"{r.choice(('聚', '筑', '强', '暖'))}{r.choice(('民心', '堡垒', '根基', '合力'))} "
            f"{r.choice(('促', '惠', '谋', '兴'))}{r.choice(('发展', '民生', '振兴', '和谐'))}",
            f"{self.local(town)}:{r.choice(('小网格', '老楼院', '微心愿', '新农村'))}"
            f"{r.choice(('大治理', '新面貌', '暖人心', '换新颜'))}",
        ))

    # -- articles ------------------------------------------------------------------

    def article(self) -> list[str]:
        r = self.r
        town = self.town()
        lines = [self.headline(town)]
        if r.random() < 0.3:
            lines.append(f"——{town}{r.choice(TOPICS)}工作纪实")
        style = r.randrange(5)
        rep, other = person(r), person(r)
        pars = [self.paragraph(town) for _ in range(r.randint(3, 9))]
        if style == 0:
            lines.append(f"□本报记者 {rep}")
        elif style == 1:
            pars[0] = f"本报讯(记者 {rep}) " + pars[0]
        elif style == 2:
            pars[0] = "本报讯 " + pars[0]
            pars[-1] += f"记者 {rep} 通讯员 {other}/图"
        elif style == 3:
            pars[-1] += f"({rep} {other})"
        body = []
        for k, p in enumerate(pars):
            if k and r.random() < 0.2:
                body.append(r.choice(("精益求精抓质量", "实招实策出实效", "建立三项机制", "凝心聚力促发展",
                                      "01 聚机制之力", "02 惠民生之实")))
            body.extend(self.broken(p))
        out = lines + body
        if style == 4:
            out.append(f"{rep} {other}/图")
        return out

    def caption(self) -> list[str]:
        r = self.r
        town = self.town()
        return [f"图为{town}{self.local(town)}{r.choice(('志愿者', '党员', '居民'))}"
                f"{r.choice(('清理楼院卫生', '参加义诊活动', '学习党的理论', '排练文艺节目'))}。"
                f"({person(r)}摄)"]

    def text(self) -> str:
        r = self.r
        blocks = []
        if r.random() < 0.7:
            blocks.append([f"{self.c.name}:"])
        for _ in range(r.randint(3, 7)):
            blocks.append(self.caption() if r.random() < 0.15 else self.article())
        return "\n\n".join("\n\n".join(b) for b in blocks) + "\n"


def page_name(seed: int, i: int) -> str:
    return f"{i:06d}_{hashlib.sha1(f'{seed}/{i}'.encode()).hexdigest()[:16]}.txt"


def page(seed: int, i: int) -> tuple[str, str]:
    """(file name, text) of page i."""
    return page_name(seed, i), _Page(seed, i).text()


def generate(n_bytes: int, seed: int = 1, start: int = 0) -> Iterator[tuple[str, str]]:
    """Pages from `start` on until their UTF-8 size reaches n_bytes."""
    total, i = 0, start
    while total < n_bytes:
        name, text = page(seed, i)
        total += len(text.encode("utf-8"))
        yield name, text
        i += 1


def write_corpus(out: Path, mb: float, seed: int = 1) -> list[Path]:
    """Write about `mb` MB of pages into out/ (created); returns the files."""
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for name, text in generate(int(mb * 1_000_000), seed):
        f = out / name
        f.write_text(text, encoding="utf-8")
        files.append(f)
    return files


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    files = write_corpus(a.out, a.mb, a.seed)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} pages, {size / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
