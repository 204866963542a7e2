"""Extract stage: mentions and relations, each with the sentence that supports it.

    Extractor().extract(article) -> ArticleExtraction

Relations are stated between mentions; anaphors (该区) and abbreviations
(区委组织部) are left for kg.resolve, which knows the article's places.
"""
from __future__ import annotations

import bisect
import re
from itertools import compress

from ahocorasick_rs import AhoCorasick

from kg import gctune
from kg.extract.mentions import (
    ANAPHOR_LEVELS, BODY_ANAPHORS, HONORIFICS, INNER_BODIES, SCHOOL_HEADS, STUDENT_BODIES, MEANWHILE, NATIONAL, QUOTE_AFTER_COLON, QUOTED_ORG, QUOTED_TEAM_RE, TERMINAL_HEADS, PersonFinder, ProgramFinder,
    Sentence, anaphors, chunks, sentences, town_short_name,
)
from kg.extract.segment import FOUNDING_VERBS, JOINING_VERBS, LEVEL_CHARS, PROPER_POS, Segmentation, Segmenter, Token
from kg.lexicon import NAME_DOTS, alternation, automaton, guarded, looks_like_person_name, words
from kg.model import Article, ArticleExtraction, Mention, RelationMention

# Offices whose abbreviated name means the page's own district or county (扶贫办, 区委).
# 扶贫办, 区政府 without a place: the page's own district or county.
GENERIC_OFFICES = ("办", "政府", "政协", "人大", "纪委", "监委", "纪委监委", "人民法院", "人民检察院")
# 区委组织部, 街道党工委, 社区党支部: abbreviations of the article's own place. Other bodies after
# a bare level word (社区巡逻队, 村两委) are generic, not one named body.
ABBREVIATED_HEADS = ("委", "局", "厅", "办", "部", "政府", "政协", "人大", "法院", "检察院", "党委", "党工委", "党支部",
                     "党总支", "纪工委", "纪委", "监委", "办事处", "居委会", "村委会", "大工委", "中心", "所", "馆",
                     "指挥部", "领导小组", "小组", "工作组", "大队", "支队", "中队", "残联", "妇联", "团委", "工会", "总工会", "科协", "文联", "侨联",
                     "常委会", "委员会", "管委会", "医院", "卫生院", "学校", "中学", "小学", "幼儿园", "法庭", "党校",
                     "红十字会", "慈善总会", "慈善会", "协会", "联合会", "工商联", "供销社", "供销合作社")
SPEAKER_UNNAMED = ("相关负责人", "有关负责人", "主要负责人", "负责人", "相关工作人员", "工作人员", "的领导",
                   "有关领导", "相关领导", "发言人", "新闻发言人")
VERSION = "1"


# A name right after these is where or with whom something happens, not who does it.
ADJUNCT_BEFORE = ("在", "到", "于", "从", "以", "对", "向", "与", "和", "同", "把", "将", "经过", "通过", "依托", "围绕",
                  "配合", "邀请", "深入", "走进", "来到", "前往", "组织")
WHERE_BEFORE = ("在", "到", "于")  # a name right after these is where (由X在Y镇组织, X在该街道开展的…)
ANAPHOR_BEFORE = re.compile(f"该(?:{alternation(ANAPHOR_LEVELS)})$")
CLAUSE_OPENER = re.compile(r"[\s\d年月日上下午近日今年以来去年同时此外目前期间当天,]*")
PROGRAM_WORD_BY = re.compile(CLAUSE_OPENER.pattern + r"(?:该|这[台场个项次期]|这一?|此)?([\u4e00-\u9fff]{2,6})(?=由)")
# A quoted or titled name: no clause punctuation inside (a quotation of speech has some, and the
# bodies and places it names are mentions like any other).
QUOTED_SPAN = re.compile(r"“[^“”,\uff0c。!\uff01?\uff1f;\uff1b:\uff1a]*”|《[^《》]*》")
# 等7个小区, 等十二个行政村: the list before counts places of one kind
COUNTED_KIND = re.compile(r"等?[0-9一二三四五六七八九十两百]+个(小区|社区|村|行政村|自然村|自然屯|屯|村民小组|街道|镇|乡|乡镇|居民小区)")
# the kinds whose members are named without their head in such a list (九江、西樵…6个镇)
COUNTED_AND = re.compile(COUNTED_KIND.pattern + "(?:和|及|以及)")
KIND_HEADS = ("镇", "乡", "街道", "社区", "村")
CLAUSE_END = re.compile(r"[,,。;;]")
LIST_ITEM = re.compile(r"(?<=[、和辖])[\u4e00-\u9fff]{2,6}(?=[、和等0-9一二三四五六七八九十两])")
GOVERNS = re.compile(r"(?<![管直])辖(?:(?!区)|区内的?)")  # 辖X、Y; 该区…辖区内X、Y
LIST_END = re.compile(r"等|[,,。;]")
# what may stand between a speaker and the verb: an adverb (徐志强则告诉记者), what the speaker does
# meanwhile (一边打包一边), to whom, how
SPEECH_LEAD = re.compile(rf"(?:则|也|还|又)?(?:{MEANWHILE})?(?:对记者|向记者|给记者|笑着|激动地|高兴地|明确)?")
ORG_STATES = re.compile(r"(?:、[^,。]{2,8}?)*(?:明确)?(?:提出|指出|强调|表示)[::]")
NON_HAN = re.compile(r"[^\u4e00-\u9fff]")
CLAUSE_PUNCT = re.compile(r"[,,::;]")
# 实践站还开设了…, 管委会今年推出…: a body's head alone opening a clause is the body the article
# last named with that head (resolved by kg.resolve as the anaphor "=" + head)
BARE_HEAD_WORDS = re.compile(r"实践站|实践所|联络站|合作社|公司|管委会|工作队|工作组|服务队|联合党委|服务中心|协会|商会|联谊会|党支部|支部|领导小组|联盟|专班|巡回法庭|医共体"
                             r"|学校|卫生院|医院")  # most sentences: none
BARE_SUBJECT = re.compile(r"(?:^|(?<=[,,::;]))" + CLAUSE_OPENER.pattern
                          + rf"({BARE_HEAD_WORDS.pattern})"
                            r"(?=[还也已先又将正今去每为把对从与和就都共累推开启实打建组举设发创搭牵进在帮探带深走利联])")
# 怒珠村党总支和驻村工作队在村委会设立了…: a bare head joined to a body by 和 or 与 is the body last
# named with that head, acting with it
BARE_PARTNER = re.compile(rf"(?<=[和与])(?:驻村)?({BARE_HEAD_WORDS.pattern})(?=在|共同|一起|一道|联合|还|也|先后)")
LAST_CLAUSE_PUNCT = re.compile(rf"(?s:.*){CLAUSE_PUNCT.pattern}")  # greedy: up to the last one
RUN_BY = re.compile(r"由([^,。]{2,40}?)(?:统一|具体)?(?:指挥(?!部)|负责|组织(?!部)|实施|牵头|主办|承办|承建|统筹|运营|举办|开办|筹办|共建)")  # (not 由县委组织部…: a head)
RUN_BY_BEFORE = re.compile(RUN_BY.pattern + "(?:的|[,,][^,,。;;]*)$")  # 由X牵头的[program]; 由X牵头,会同…建立[program]
EDITOR = re.compile(r"(?:责任|执行|值班)?编辑[::\s]*([\u4e00-\u9fff]{2,4}?)(?=$|[\s,,、;;)]|\n)", re.M)
PASSIVE = re.compile(r"被((?:[^,。]){2,40})(?:授予|评为|确定为|列为|命名为)")
PRONOUN = re.compile(r"[她他](?!们)")
PRONOUN_SUBJECT = re.compile(CLAUSE_OPENER.pattern + PRONOUN.pattern)  # 她先后…, 去年他…
# 由X牵头成立的Y: Y, made by X, is the subject of the clauses after it
MADE_BY_SUBJECT = re.compile(CLAUSE_OPENER.pattern + rf"由[^,,。;]{{2,40}}?(?:{alternation(FOUNDING_VERBS)})的")
SENTENCE_END = re.compile(r"[。;]")


def _word_pattern(ws) -> re.Pattern:
    """The words as one pattern, the longest alternative first. It opens with a check of the
    first character, so match() fails at once where no word starts."""
    return re.compile(guarded(ws))


UNNAMED_RE = _word_pattern(SPEAKER_UNNAMED)


def _match(pattern: re.Pattern, text: str, pos: int) -> str:
    m = pattern.match(text, pos)
    return m.group(0) if m else ""


LEVEL_RANK = {"省": 1, "自治区": 1, "市": 2, "州": 2, "区": 3, "县": 3, "旗": 3, "新区": 3, "高新区": 3.5,
              "开发区": 3.5, "经济区": 3.5, "镇": 4, "乡": 4, "街道": 4, "苏木": 4, "社区": 5, "村": 5, "嘎查": 5, "村民小组": 6, "小区": 6, "楼院": 6, "花园": 6,
              "街坊": 6}


_RANKS_LONGEST_FIRST = sorted(LEVEL_RANK.items(), key=lambda x: -len(x[0]))  # 村民小组 before 村


def _rank(name: str) -> float:  # (a zone is in a district and holds streets: 3.5)
    return next((r for h, r in _RANKS_LONGEST_FIRST if name.endswith(h)), 0)


def _lower(inner: str, outer: str) -> bool:
    """inner is a division below outer (红旗路街道 under 北关区)."""
    return _rank(inner) > _rank(outer) > 0


def _adjunct(text: str, p: int) -> bool:
    if text.endswith("辖区", 0, p):  # 在辖区|德力格尔社区广场: the place is where, as after 在 alone
        p -= 2
    # (X会同Y开展…: 同 ends a verb of joining, not "with": see JOINED_BY_VERB)
    return text.endswith(ADJUNCT_BEFORE, max(0, p - 2), p) and not text.endswith(JOINING_VERBS, max(0, p - 2), p)


def _before_anaphor(text: str, p: int) -> int:
    """Where the anaphor right before p begins (在|该乡|松垭口村: 在 is before the chain), else p."""
    m = ANAPHOR_BEFORE.search(text, max(0, p - 4), p)
    return m.start() if m else p


def _bare(m) -> bool:
    """区, 社区 standing for the article's own place (not 该区, which names one)."""
    return m.type == "Place" and bool(m.anaphor) and not m.surface.startswith("该")


# Facilities every community or street has: 社区党群服务中心, 街道综治中心 name a kind, not one body
# the departments of a party committee (区委组织部), written alone after the committee's post
PARTY_DEPARTMENTS = ("组织部", "宣传部", "统战部", "政法委", "社会工作部")
LOCAL_FACILITIES = frozenset(("党群服务中心", "综治中心", "党群活动中心", "养老服务中心", "日间照料中心", "便民服务站"))
COORDINATORS = ("、", "和", "与", "及", "以及", "同")
# X、Y; X又与Y; X日前与Y (an adverb of time between the first party and 与)
COORDINATED = re.compile(r"(?:又|也|还|曾|已|日前|近日|近期|今年|去年|此前)*(?:" + "|".join(COORDINATORS) + ")")
# 以“…”为抓手: what the subject works through is its own program
AS_MEANS = re.compile(r"[^,,。;]{2,30}?为(?:总|重要|主要)?(?:抓手|牵引|载体|突破口|切入点|引领|龙头|主线|平台|依托)")
# X联合Y开展…, X将会同Y推出…: Y is a party to what X does, not an object
# (镇里|联合…: the place itself; 联合|辖区|“红杜鹃”志愿服务队: a body of its area)
JOINED_BY_VERB = re.compile(r"里?(?:又|也|还|将|再|曾|已|正在|正|先后|积极|主动|日前|近日|近期|今年|去年|此前)*(?:" + "|".join(JOINING_VERBS) + ")(?:辖区)?")
TOGETHER = ("共同", "联合", "一起", "携手", "一道")  # X与Y共同…: Y acts with X
# 徐德明对此深有体会:“…”: a colon opening a quotation in the clause right after a name
COLON_QUOTE = re.compile(r"[^,,。;;!?“”::]{0,12}" + QUOTE_AFTER_COLON.pattern)
TOGETHER_LATER = re.compile(r"[^。;!?;!?“”,,]{1,20}[,,](?:共同|一起|携手|一道)")  # X与Y签订协议,共同…
SITED_AT = ("位于", "地处", "坐落于", "设在")  # X位于Y: X is in Y; 位于X的Y: Y is in X
OF_PLACE = re.compile("(?:辖区|境内|内)?的")  # X的Y, X辖区的Y, X内的Y: Y is in the place X
SITED_AT_RE = re.compile("|".join(SITED_AT))
SET_UP_IN = re.compile(f"(?:{'|'.join(sorted(FOUNDING_VERBS | {'开设', '建成', '挂牌'}, key=len, reverse=True))})了?")
SERVES_AS = re.compile(r"担任|任|当选|选为|挂职")
# 副区长(挂职)林振豪: a note on how the post is held, between the post and the name
SECONDED = ("(挂职)", "(兼职)", "(主持)")
# 县长, 副乡长, 旗长: the head of a level's government; alone before a name, the page's (or the
# sentence's) 县政府 when the article names that government, else the county itself
LEVEL_HEAD_TITLE = re.compile(r"副?([区县市镇乡旗])长")
# 区人大代表X, 铁西区人大代表X: a deputy holds a seat in that level's people's congress (as 区政协委员
# one in its 政协); the segmenter keeps 人大代表 one word, so it is no title of titles.txt
DEPUTY = "人大代表"
LEVEL_DEPUTY = re.compile(r"([区县市镇乡旗])" + DEPUTY)
# a department or station of a body and its head's post, written after the body: 经济发展部部长, 土肥站站长
# (a section's head is the body's: 区市场监管局|食品安全科科长)
DEPARTMENT_POST = re.compile(r"([\u4e00-\u9fff]{2,8}?([部站]))(副?\2长)")
AFTER_PARTICLE = "的了是为和与及"  # words a post may follow in a clause
SHARED_POST = re.compile(r"^副|代表$|员$")  # posts several hold at once (副主任, 委员, 队员, 人大代表)
# Titles that name the head of their body (队长 of the 服务队), standing alone before a name
STATIONED_TITLE = "驻村第一书记"
GRID_TITLES = ("网格员", "专职网格员", "网格长", "楼栋长", "楼长", "楼门长")  # posts of a community or village
GRID_PLACES = ("社区", "村")  # a grid is a community's or a village's
BUILDING_PLACES = GRID_PLACES + ("小区", "居民区", "楼院")  # a building's head, an estate's too
HEAD_TITLES = {"理事长": "合作社", "队长": "队", "队员": "队", "中队长": "中队", "站长": "站", "所长": "所", "馆长": "馆", "院长": "院", "场长": "场", "农场主": "农场", "场主": "场",
               "庭长": "法庭", "检察长": "检察院", "董事长": "公司", "总经理": "公司", "校长": SCHOOL_HEADS}
HEAD_TITLES.update({"副" + title: head for title, head in HEAD_TITLES.items()})  # 副校长, 副总经理
# 公司工会主席: a party or mass body inside a company is a body of its own, not part of the title
# …,“一年下来,分红加工资有4万多元”。: a quotation closing the sentence, after a comma
TRAILING_QUOTE = re.compile(r"[,,]“[^“”]{6,}”[。!?]?\s*$")
_PRONOUN_SPEECH = r"[他她](?!们)(?:(?:对记者|向记者|告诉记者|笑着)?(?:说|表示|介绍|坦言|建议|指出|强调)|告诉记者)"
PRONOUN_SPEAKS = re.compile(r"\s*" + _PRONOUN_SPEECH)
MID_PRONOUN_SPEAKS = re.compile(r"[,,;;]" + _PRONOUN_SPEECH)  # …杜秀兰第一个走进轿厢,她笑着说
IS_AFTER_NAME = re.compile(r"[,,]?是")
BRACKETED_POST = re.compile(r"[((][^()()。,,]{2,24}[))]")
POST_SEP = re.compile(r"[、兼]")  # 党支部书记兼村委会主任, 党委副书记、乡长
BARE_HEAD_BOUNDARY = re.compile(r"[^\u4e00-\u9fff]|该|兼")  # (…书记兼|村委会主任)
# 新华苑社区“银龄食堂”里: the program as a place where something happens, not whose it is
PLACE_AFTER = set("里内中前旁外")
VILLAGE_BODY = re.compile(r"(村|社区)(?:委会|民委员会|居委会|居民委员会|党支部|党总支|党委|两委)$")
# Where villages are divided into 村民小组 under a 村委会 named without 村 (曼贺纳村委会曼贺纳村民小组,
# as in Yunnan), the 村委会 is the administrative village itself: a place.
COMMITTEE_OVER_GROUPS = re.compile(r"(?<!村)村委会[\u4e00-\u9fff]{1,6}村民小组")

CITY_SCHOOL = re.compile("(?:小学|中学|幼儿园)$")
SCHOOL_KINDS = ("中心", "第", "实验", "初级", "高级", "完全", "九年", "十二年", "民族", "职业")
PROGRAM_BODIES = ("领导小组", "指挥部", "工作组", "工作专班", "办公室")  # bodies named after what they run
NAME_SPLIT = "[" + "".join(NAME_DOTS) + "]"
QUOTED_NAME = re.compile(r"“([^“”]{2,24})”")
# “藤茶技术服务队”: a team's or studio's head inside the quotation (the name without its quotes;
# a room or station so quoted is as often a program's name: “麓山调解室” in six communities)
QUOTED_ORG_WHOLE = re.compile(r"(?<!”)“([^“”‘’,,。+]{2,10}" + QUOTED_TEAM_RE + ")”(?!“)")  # (“…”“…”等活动: a run of activities)
OWN_PROJECT = re.compile(r"([^\W的了也都还在对为将把从与及该这那等是和_]{4,16}?(?:项目|工程))(?=[,。;、,]|$)")
SENTENCE_PROJECT = re.compile(r"^([\u4e00-\u9fff]{4,14}?(?:工程|项目))(?=[涉是由于将已共总占位覆包])")


def _longest_first(name: str) -> re.Pattern:
    """The words of kg/data/NAME as one pattern; the longest alternative wins."""
    return _word_pattern(words(name))


def _by_sentence(tokens: list, starts: list[int], sents: list[Sentence]) -> dict[int, list]:
    """Each sentence's tokens (offsets in the article; starts: theirs), by the sentence's start:
    sentences start and end at token boundaries."""
    find = bisect.bisect_left
    return {st.start: tokens[find(starts, st.start):find(starts, st.end)] for st in sents}


def _first_chain(places: list[tuple[int, int, int]]) -> list[int]:
    """The mention of the last place in the first chain of places (start, end, mention), in order."""
    chain = places[:1]
    for s, e, p in places[1:]:
        if s != chain[-1][1]:
            break
        chain.append((s, e, p))
    return [chain[-1][2]] if chain else []


def _clause_bounds(text: str) -> list[int]:
    """Where the clauses start, and one past the end."""
    return [0] + [m.end() for m in CLAUSE_PUNCT.finditer(text)] + [len(text) + 1]


def _clause_subjects(text: str, actors):
    """The actors that open a clause: a clause-initial actor is the subject of what follows
    (依托X… is not). CLAUSE_OPENER is a run of opener characters: if it spans from any clause
    start to p, it spans from the last one before p."""
    return ((p, i) for p, i in actors if _opens_clause(text, p))


def _opens_clause(text: str, p: int) -> bool:
    """Nothing but openers (时间, 同时, 此外) between the start of p's clause and p."""
    return CLAUSE_OPENER.fullmatch(text, _clause_start(text, p), p) is not None


def _clause_start(text: str, p: int) -> int:
    """Where the clause holding position p starts (the last of _clause_bounds up to p)."""
    last = LAST_CLAUSE_PUNCT.match(text, 0, p)
    return last.end() if last else 0


def _starts(words: AhoCorasick, text: str) -> list[int]:
    return [s for _, s, _ in words.find_matches_as_indexes(text)]


def _quoted_spans(text: str, base: int) -> list[tuple[int, int]]:
    """The quoted and titled names of a sentence starting at base (offsets in the article)."""
    if "“" not in text and "《" not in text:
        return []
    return [(base + m.start(), base + m.end()) for m in QUOTED_SPAN.finditer(text)]


class Extractor:
    def __init__(self, segmenter: Segmenter | None = None):
        self.seg = segmenter or Segmenter.default()
        self.people = PersonFinder()
        self.programs = ProgramFinder()
        self.run_verb_re = _longest_first("run_verbs.txt")
        # Matches up to the last place a run verb starts (backtracking from the end): the
        # last of the overlapping matches in one call, not one match per position.
        self.last_run_verb_re = re.compile(rf"(?s:.*)(?={self.run_verb_re.pattern})")
        # “银龄食堂”是中华路街道今年打造的…项目: who made what the sentence opens with
        self.made_by_re = re.compile(rf"是([^,。;,;]{{2,24}}?)(?:{self.run_verb_re.pattern})的")
        # 通过犀浦街道开发的“犀邻汇”小程序: the verb of a relative clause right before the program
        self.relative_run_re = re.compile(rf"(?:{self.run_verb_re.pattern})的$")
        self.title_re = _longest_first("titles.txt")
        self.title_end_re = re.compile(f"(?:{self.title_re.pattern})$")
        # heads a body is named by alone (公司, 管委会, 该院), longest first
        self.bare_head_re = _longest_first("org_suffixes.txt")
        self.speech_re = _longest_first("speech_verbs.txt")
        # 试点由…实施: a program's head opening a sentence, then 由 (CLAUSE_OPENER: 目前, 今年以来…)
        self.program_head_by = re.compile(CLAUSE_OPENER.pattern + rf"(?:该|这一?|此)?({alternation(words('program_heads.txt'))})(?=由)")
        # (柯志远出席会议时表示: the adjunct of time may go without 在)
        self.speech_after_adjunct = re.compile(rf"在?[^,。“”,、]{{1,20}}(?:时|中|上)(?={self.speech_re.pattern})")
        # Where these words are in an article, to skip the sentences without them.
        # PersonFinder.title and .verb in one: a sentence holds a match of the union exactly
        # when it holds a word of either list (no match crosses a sentence end).
        # (岁的: 62岁的刘秀英, an age before a name)
        self.cue_words = automaton(words("titles.txt") | words("roles.txt") | words("speech_verbs.txt") | {"岁的"})
        self.run_words = automaton(words("run_verbs.txt"))  # run_verb_re, ProgramFinder.unquoted

    def extract(self, article: Article, committees_are_villages: bool | None = None) -> ArticleExtraction:
        """committees_are_villages: whether the page names its villages as 村委会 over 村民小组
        (page_committees_are_villages); None: whether the article does."""
        # An article makes thousands of short-lived tuples (tokens, spans), none in a cycle:
        # with the collector on, every 700 of them start a collection that walks them all
        # (about a third of the segmentation's time).
        if committees_are_villages is None:
            committees_are_villages = page_committees_are_villages([article])
        with gctune.paused():
            return _ArticleRun(self, article, committees_are_villages).run()


    def extract_page(self, articles) -> list[ArticleExtraction]:
        """The extractions of a page's articles: what holds for the whole page (how it names its
        villages) is decided once for all of them."""
        villages = page_committees_are_villages(articles)
        return [self.extract(a, villages) for a in articles]


UNIVERSITY_BODY = re.compile(rf"(.+?(?:大学|学院))[^学院]+(?:{'|'.join(STUDENT_BODIES)})$")
_LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司$")


def _trade_name(full: str, seg: Segmenter) -> str:
    """江苏博翰新能源科技股份有限公司 -> 博翰新能源科技: a company's name without the places it
    opens with and its legal form."""
    core = _LEGAL_FORM.sub("", full)
    gaz = seg.gazetteer
    for _ in range(3):
        k = next((k for k in range(min(len(core) - 2, 9), 1, -1)
                  if gaz.is_known(core[:k]) or gaz.by_short(core[:k])), 0)
        if not k:
            break
        core = core[k:]
    return core


def _inner_body(m: Mention) -> str:
    """The inner body's head of a company's party branch or union (…有限公司|党支部), or of a
    department's party group (县农业农村局|党组), else ""."""
    if m.anaphor:
        return ""
    if m.surface.endswith("党组") and m.surface[:-2].endswith(ABBREVIATED_HEADS):
        return "党组"
    inner = next((x for x in INNER_BODIES if m.surface.endswith(x)), "")
    return inner if inner and m.surface[:-len(inner)].endswith(TERMINAL_HEADS) else ""


def page_committees_are_villages(articles) -> bool:
    """Whether a page divides villages into 村民小组 under a 村委会 named without 村
    (曼贺纳村委会曼贺纳村民小组, as in Yunnan): there each such 村委会 is the village itself."""
    return any("村民小组" in a.text and COMMITTEE_OVER_GROUPS.search(a.text) for a in articles)


class _ArticleRun:
    """The state of extracting one article; thrown away afterwards."""

    def __init__(self, ex: Extractor, article: Article, committees_are_villages: bool = False):
        self.ex = ex
        self.committees_are_villages = committees_are_villages
        self.article = article
        self.text = article.text
        self.out = ArticleExtraction(article)
        self.at: dict[tuple[int, int, str], int] = {}
        self.rel_keys: set[tuple] = set()

    def add(self, surface: str, typ: str, start: int, end: int, anaphor: str = "", qualify: str = "",
            written: str = "") -> int:
        key = (start, end, typ, surface)
        idx = self.at.get(key)
        if idx is None:
            mentions = self.out.mentions
            idx = self.at[key] = len(mentions)
            mentions.append(Mention(surface, typ, start, end, anaphor, qualify, written))
        return idx

    def rel(self, pred: str, s: int, o: int | None, evidence: str, title: str = "") -> None:
        if s == o:
            return
        evidence = evidence.strip()
        key = (pred, s, o, evidence, title)
        if key not in self.rel_keys:
            self.rel_keys.add(key)
            self.out.relations.append(RelationMention(pred, s, o, evidence, title))

    def run(self) -> ArticleExtraction:
        for name in self.article.reporters + self.article.photographers + self.editors():
            self.add(name, "Person", -1, -1)
        sents = sentences(self.text)
        self.sents = sents
        segmentation = self.ex.seg.segment(self.text, self.committees_are_villages)
        tokens = segmentation.tokens
        self.tokens = _by_sentence(tokens, segmentation.starts, sents)
        self.sent_starts = [st.start for st in sents]
        # Chunks never cross a sentence end (an S token): found once, offsets in the article.
        self.chunks_at = self.by_sentence((c.start, c) for c in chunks(tokens, self.ex.seg, segmentation.tags))
        # Which sentences hold the words some steps need, found once for the article; a sentence
        # without them skips the step. The words are Han only, so no match crosses a sentence end.
        self.run_verb_sentences = self.sentences_with(_starts(self.ex.run_words, self.text))
        self.trade_names_at = self.by_sentence(self.trade_names(tokens)) if "有限" in self.text else {}
        self.people_at = self.people(sents, segmentation)
        # Names found anywhere in the article are names everywhere in it (…”韩瑞芳脸上满是笑容).
        self.known_people = {self.text[lo + a:lo + b] for lo, spans in self.people_at.items() for a, b in spans}
        # 巴合提古丽·木拉提 … 巴合提古丽说: a dotted name's first part alone is the same person
        self.dotted_first = {re.split(NAME_SPLIT, n)[0]: n for n in self.known_people if any(d in n for d in NAME_DOTS)}
        self.known_people |= {f for f in self.dotted_first if len(f) >= 2}
        self.known_names_at = self.known_names(sents) if self.known_people else {}
        subject: int | None = None  # the last sentence subject, for clauses without one
        self.pending: list[tuple[int, str]] = []  # programs whose actor the next sentence names
        self.program_names: set[str] = set()  # the quoted names of the programs read so far
        for sent in sents:
            subject = self.sentence(sent, subject)
        for prog, evidence in self.pending:
            if subject is not None:
                self.rel("runs", subject, prog, evidence)
        self.given_name_aliases()
        self.places_in_names()
        return self.out

    def _named_before(self, text: str, programs: list[tuple[int, int, str]], people) -> list[tuple[int, int, str]]:
        """programs, and the quotations of a program named before in the article (建成“玄武书房”城市
        阅读空间47家。…“玄武书房”由区文化和旅游局统筹建设: the same program, alone), but not as a
        label before a name (社区的“法律明白人”马淑芬)."""
        self.program_names.update(inner for _, _, inner in programs if len(inner) >= 2)
        if not self.program_names:
            return programs
        taken = [(s, e) for s, e, _ in programs]
        named_at = {s for s, _ in people}
        more = [(m.start(), m.end(), m.group(1)) for m in QUOTED_NAME.finditer(text) if m.group(1) in self.program_names
                and not any(s <= m.start() < e for s, e in taken) and m.end() not in named_at]
        return sorted(programs + more) if more else programs

    def editors(self) -> list[str]:
        """The page's editors, named in the masthead over the first headline (责任编辑:周婧)."""
        if "编辑" not in self.article.kicker:
            return []
        return [m.group(1) for m in EDITOR.finditer(self.article.kicker) if looks_like_person_name(m.group(1))]

    def people(self, sents: list[Sentence], segmentation: Segmentation) -> dict[int, list[tuple[int, int]]]:
        """Person-name spans of each sentence that may hold one (a title or role, a speech
        verb, a list …、…等, or a name the dictionary knows), by sentence start."""
        finder = self.ex.people
        cued = self.sentences_with(_starts(self.ex.cue_words, self.text))
        known = None  # the dictionary's names are looked up only where it tagged one (few articles)
        if "nrfg" in segmentation.poses:  # 习近平/nrfg
            cued |= self.sentences_with(compress(segmentation.starts, map("nrfg".__eq__, segmentation.poses)))
            known = self.ex.seg.jieba.has_word
        if any(d in self.text for d in NAME_DOTS):  # 阿依古丽·哈力木别克: a name by its form alone
            cued |= self.sentences_with(i for i, c in enumerate(self.text) if c in NAME_DOTS)
        if ":“" in self.text or ":“" in self.text:  # 徐德明对此深有体会:“…”
            cued |= self.sentences_with(m.start() for m in QUOTE_AFTER_COLON.finditer(self.text))
        out = {}
        for st in sents:
            lo, text = st.start, st.text
            if lo in cued or "、" in text and "等" in text:
                out[lo] = finder.find(text, self.tokens[lo], known=known, base=lo)
        return out

    def known_names(self, sents: list[Sentence]) -> dict[int, list[tuple[int, int]]]:
        """Where the article's known names occur, by sentence start (offsets in the sentence)."""
        found = self.by_sentence((s, (s, e)) for s, e in _leftmost_longest(self.known_people, self.text))
        return {base: [(s - base, e - base) for s, e in spans] for base, spans in found.items()}

    def trade_names(self, tokens: list[Token]) -> list[tuple[int, tuple[int, int, str]]]:
        """南京恒锐智能装备有限公司 … 恒锐智能主要生产…: a company named again by its trade name (its
        name without its place and legal form, or the start of that, of four characters or more)
        after its full name, as (offset, (start, end, full name)) in the article."""
        seg = self.ex.seg
        fulls = {c.text: c.start for cs in self.chunks_at.values() for c in cs if c.org and _LEGAL_FORM.search(c.text)}
        taken = [(c.start, c.end) for cs in self.chunks_at.values() for c in cs]
        found: dict[int, tuple[int, int, str]] = {}
        # (on token bounds, after no name token: 连|南|瑶族自治… is no trade name's start)
        starts = {t.start for k, t in enumerate(tokens) if k == 0 or tokens[k - 1].tag in "SW"}
        ends = {t.end for t in tokens}
        for full, first in fulls.items():
            core = _trade_name(full, seg)
            if len(core) < 4 or seg.jieba.has_word(core[:2]):
                continue  # (农业科技有限公司: no trade name of its own)
            for k in range(len(core), 3, -1):
                at = self.text.find(core[:k], first + len(full))
                while at >= 0:
                    end = at + k
                    if at not in found and at in starts and end in ends and not any(a < end and at < b for a, b in taken):
                        found[at] = (at, end, full)
                        taken.append((at, end))
                    at = self.text.find(core[:k], end)
        return sorted(found.items())

    def sentences_with(self, positions) -> set[int]:
        """The starts of the sentences that hold these offsets in the article (each of a word,
        so inside a sentence)."""
        starts = self.sent_starts
        return {starts[bisect.bisect_right(starts, at) - 1] for at in positions}

    def by_sentence(self, items) -> dict[int, list]:
        """(offset in the article, item) pairs, in order, grouped by the start of their sentence."""
        starts = self.sent_starts
        out: dict[int, list] = {}
        for at, item in items:
            out.setdefault(starts[bisect.bisect_right(starts, at) - 1], []).append(item)
        return out

    # -- one sentence ----------------------------------------------------------

    def sentence(self, sent: Sentence, subject: int | None) -> int | None:
        seg = self.ex.seg
        toks = self.tokens[sent.start]
        base = self.sent_start = sent.start
        quoted = "“" in sent.text or "‘" in sent.text
        # a program is quoted or follows a run verb
        programs = self.ex.programs.find(sent.text, toks, base) \
            if quoted or base in self.run_verb_sentences else []
        found = self.people_in(base)
        if quoted:
            programs = self._named_before(sent.text, programs, found)
        sent_chunks = self.chunks_at.get(base, ())
        if not (sent_chunks or programs or found or quoted or self.pending or "该" in sent.text
                or base in self.trade_names_at):
            self._sentence_project(sent)  # no name, so no mention or relation but this one
            self.pronoun_speaks(sent)
            return subject
        # Mentions in this sentence are made while reading it: none before this index.
        self.sent_first = len(self.out.mentions)
        actors: list[tuple[int, int]] = []  # (position in sentence, mention index) of possible actors
        places_in_order: list[int] = []
        inside_names = _quoted_spans(sent.text, base)
        if programs:
            inside_names += [(base + s, base + e) for s, e, inner in programs if not inner]
        for c in sent_chunks:
            if inside_names and any(qs <= c.start and c.end <= qe for qs, qe in inside_names):
                continue  # “五星支部”创建, 推行街道大工委和社区大党委工作机制: inside another name
            if c.org and not self.org_is_named(c, toks):
                c.org = False
            self.chunk(c, sent, actors, places_in_order)
        for m in QUOTED_ORG.finditer(sent.text) if quoted else ():
            # “双迎攻坚”领导小组 runs 双迎攻坚
            place = self._place_ending_at(actors, base + m.start())
            start = self.out.mentions[place].start - base if place is not None else m.start()
            org = self.add(sent.text[start:m.end()], "Organization", base + start, base + m.end())
            if place is not None:  # 金阊街道“老娘舅”调解室 is in 金阊街道
                self.rel("locatedIn", org, place, sent.text)
            actors.append((start, org))
            if not m.group(2).endswith(PROGRAM_BODIES):
                continue  # “老娘舅”调解室 is a name, not the program it runs
            prog = self.add(f"“{m.group(1)}”", "Program", base + m.start(), base + m.start(1) + len(m.group(1)) + 1)
            self.rel("runs", org, prog, sent.text)
        for m in QUOTED_ORG_WHOLE.finditer(sent.text) if quoted else ():
            if any(self.out.mentions[i].start == base + m.start(1) for _, i in actors):
                continue
            org = self.add(m.group(1), "Organization", base + m.start(1), base + m.end(1))
            place = self._place_ending_at(actors, base + m.start())
            if place is not None:  # 北湖社区“老秦调解室” is in 北湖社区
                self.rel("locatedIn", org, place, sent.text)
            actors.append((m.start(1), org))
        for start, end, full in self.trade_names_at.get(base, ()):  # 恒锐智能总装车间主任马俊峰
            actors.append((start - base, self.add(self.text[start:end], "Organization", start, end, anaphor="@" + full)))
        bare_heads = BARE_HEAD_WORDS.search(sent.text) is not None
        for m in BARE_SUBJECT.finditer(sent.text) if bare_heads else ():
            s, e = m.span(1)
            head = SCHOOL_HEADS if m.group(1) == "学校" else m.group(1)  # (学校: the 小学 or 中学 last named too)
            actors.append((s, self.add(m.group(1), "Organization", base + s, base + e, anaphor="=" + head)))
        for m in BARE_PARTNER.finditer(sent.text) if bare_heads else ():
            s, e = m.span()
            if not any(p == s for p, _ in actors) and any(
                    self.out.mentions[i].type == "Organization" and self.out.mentions[i].end == base + s - 1 for _, i in actors):
                actors.append((s, self.add(m.group(0), "Organization", base + s, base + e, anaphor="=" + m.group(1))))
        for s, e, level in anaphors(toks, base) if "该" in sent.text else ():  # every anaphor starts with 该
            typ = "Organization" if level[0] == "=" or seg._org_head(level) and level not in seg.place_heads else "Place"
            idx = self.add(sent.text[s:e], typ, base + s, base + e, anaphor=level)
            actors.append((s, idx))
            head = next((t for t in toks if t.start == base + e), None) if typ == "Place" else None
            if head is not None and head.tag == "O" and len(head.text) <= 3:
                # 该社区|党委 (该社区 one word): the body of the place the anaphor stands for, as 街道党工委
                org = self.add(level + head.text, "Organization", base + e, head.end, qualify=level)
                self.rel("locatedIn", org, idx, sent.text)
                actors.append((e, org))
        for s, e in found:
            idx = self.add(sent.text[s:e], "Person", base + s, base + e)
            actors.append((s, idx))
        actors.sort()
        self.governs(sent, toks, places_in_order)
        self.positions_and_quotes(sent, actors)
        self.serves_as(sent, actors)
        self.quotes_without_verb(sent, actors)
        if "由" in sent.text:
            self.program_by_head(sent, actors)
        return self.runs(sent, actors, subject, programs)

    def program_by_head(self, sent: Sentence, actors) -> None:
        """…开展“村社一体”合作试点。试点由县委组织部和县农业农村局联合实施: a program's head alone
        opening the sentence, then 由X…实施, is the program last named with that head, and X runs it."""
        m = self.ex.program_head_by.match(sent.text)
        # (睦邻节由…共同主办, 这台村晚由该村党支部牵头筹办: a word of its name standing for it)
        word = m or PROGRAM_WORD_BY.match(sent.text)
        by = RUN_BY.match(sent.text, word.end(1)) if word else None
        if by is None:
            return
        ments = self.out.mentions
        head = word.group(1)
        prog = max((i for i, p in enumerate(ments) if p.type == "Program" and 0 <= p.end <= sent.start
                    and (p.surface.rstrip("”").endswith(head) if m else head in p.surface.replace("”", ""))),
                   key=lambda i: ments[i].end, default=None)
        for body in self._bodies_within(actors, by.start(1), by.end(1)) if prog is not None else ():
            self.rel("runs", body, prog, sent.text)

    def _place_ending_at(self, actors, at: int) -> int | None:
        """The named place among actors that ends at `at` (in the article), if any."""
        ments = self.out.mentions
        return next((i for _, i in actors if ments[i].type == "Place" and ments[i].end == at and not ments[i].anaphor),
                    None)

    def people_in(self, base: int) -> list[tuple[int, int]]:
        """Person-name spans of the sentence starting at base: the names found there, then the
        article's names that occur there elsewhere."""
        found = self.people_at.get(base, [])
        if base not in self.known_names_at:
            return found
        found = list(found)  # not the one in people_at
        for s, e in self.known_names_at[base]:
            if not any(a < e and s < b for a, b in found):
                found.append((s, e))
        return found

    def chunk(self, c, sent: Sentence, actors: list, places_in_order: list) -> None:
        """Mentions of one chunk (offsets in the article): its places (a chain, each in the
        previous) and its organization."""
        text = self.text
        if c.host is not None:  # 江孜县自然资源局 of its team 驻孜岗村工作队: named, but not the actor
            self.chunk(c.host, sent, [], places_in_order)
        if c.org:
            self.village_in_org_head(c)
        prev = None
        for (s, e, bare) in c.places:
            if bare:
                level = text[s:e]
                idx = self.add(level, "Place", s, e, anaphor=level)
            else:
                idx = self.add(text[s:e], "Place", s, e)
                places_in_order.append(idx)
            if prev is not None and not bare:
                self.rel("locatedIn", idx, prev, sent.text)
            prev = idx if not bare or prev is None else prev
        if not c.org:
            if prev is not None and (not self.out.mentions[prev].anaphor or _opens_clause(sent.text, c.start - sent.start)):
                # 社区专门建立了…: a bare level word opening a clause is its subject, the article's own place
                actors.append((c.start - sent.start, prev))
            return
        qualify = ""
        named_places = [p for p in c.places if not p[2]]
        if c.places and c.places[0][2]:
            qualify = text[c.places[0][0]:c.places[0][1]]
        elif not c.places and c.text not in NATIONAL and c.text.endswith(GENERIC_OFFICES) and len(c.text) <= 4:
            qualify = "*"  # 扶贫办: the district or county of the page
        # 柏庄镇北街村卫生室 is 北街村卫生室: the name starts at its own (last) place.
        # (该|街道翠岭社区党群服务中心 is 翠岭社区党群服务中心: a bare level before a named place)
        start = named_places[-1][0] if len(named_places) > 1 or named_places and c.places[0][2] else c.start
        if c.name_start >= 0:
            start = c.name_start
        elif named_places and text.endswith("街道", 0, named_places[-1][1]) and CITY_SCHOOL.search(c.text) \
                and c.end - named_places[-1][1] >= 4 and not text.startswith(SCHOOL_KINDS, named_places[-1][1]):
            # 红星街道|畲乡实验小学: a school of its own name in a city's street (街道中心小学: named by it)
            start = named_places[-1][1]
        idx = self.add(text[start:c.end], "Organization", start, c.end, qualify=qualify,
                       written=c.text if start != c.start else "")
        if prev is not None and not self.out.mentions[prev].anaphor:
            self.rel("locatedIn", idx, prev, sent.text)
        elif qualify:
            anchor = self.add(qualify, "Place", c.start, c.start, anaphor=qualify)
            self.rel("locatedIn", idx, anchor, sent.text)
        actors.append((c.start - sent.start, idx))
        outer = self._outer_body(idx)
        if outer is not None and prev is not None and not self.out.mentions[prev].anaphor:
            self.rel("locatedIn", outer, prev, sent.text)
        university = UNIVERSITY_BODY.match(c.text)
        if university:  # 湖南师范大学|青年志愿者协会: the university is a body too
            self.add(university.group(1), "Organization", c.start, c.start + university.end(1))
        # 北关区全丰公司植保无人机产业扶贫项目: a project named after the body that runs it
        m = OWN_PROJECT.match(text, c.end, sent.end)
        if m and not self.ex.run_verb_re.search(m.group(1)):  # (县人社局|共同实施家门口就业工程: a clause)
            prog = self.add(m.group(1), "Program", m.start(1), m.end(1))
            self.rel("runs", idx, prog, sent.text)

    def _outer_body(self, idx: int) -> int | None:
        """…有限公司党支部: the company the party branch (union, committee) is a body of, named
        with it: a mention of its own (not an actor: the branch acts)."""
        m = self.out.mentions[idx]
        inner = _inner_body(m)
        # (县人民医院|医共体: the hospital is the county's, as the consortium is)
        return None if not inner else self.add(m.surface[:-len(inner)], "Organization", m.start, m.end - len(inner),
                                               qualify=m.qualify)

    def village_in_org_head(self, c) -> None:
        """兴隆场镇|椒坪溪|村委会: a village body's head carries the village's own head (村), so
        the name before it is a village (椒坪溪村) in the place before that."""
        text = self.text
        org_start = c.places[-1][1] if c.places else c.start
        m = VILLAGE_BODY.search(text, org_start, c.end)
        if not m or m.start() - org_start < 2 or m.end() != c.end:
            return
        village_end = m.start() + len(m.group(1))
        if c.places and text[org_start:village_end] not in self.ex.seg.generic:
            c.places.append((org_start, village_end, False))

    def org_is_named(self, c, toks) -> bool:
        """区委组织部 and 蒲公英志愿服务站 name one body; 社区巡逻队, 志愿服务队, 物业公司 do not."""
        if c.host is not None and c.text.startswith(c.host.text + "派驻"):
            return self.org_is_named(c.host, toks)  # 县纪委监委派驻第三纪检监察组: its body's numbered team
        text = self.text
        org_start = c.places[-1][1] if c.places else c.start
        org_text = text[org_start:c.end]
        if c.places and all(bare for _, _, bare in c.places):  # 区委组织部 yes, 村部 (a building) no
            if org_text in LOCAL_FACILITIES and text[c.places[-1][0]:org_start] in ("社区", "街道"):
                return False  # (依托)社区党群服务中心: every community has one, no particular one
            inside = [t for t in toks if org_start <= t.start and t.end <= c.end]
            parent = next((k for k, t in enumerate(inside[:-1]) if t.tag == "O" and t.text.endswith(ABBREVIATED_HEADS)), None)
            between = inside[parent + 1:-1] if parent is not None else []
            if parent is not None and not org_text.endswith("党组") and len(between) <= 2 and (
                    all(t.tag in "ND" for t in between) or between[0].text.startswith("第")):
                # 市农业农村局|土肥|站: a unit of an abbreviated body, named by it (卫健委|党组|成员: a
                # title); 县委|第二|巡察|组: one of its numbered units
                return True
            if org_text.endswith("党组") and len(org_text) > 2:
                # 县农业农村局党组|书记: the bureau's party group (党组|成员: a title, no body)
                return not text.startswith("成员", c.end)
            return (len(org_text) >= 2 or org_text == "委") and org_text.endswith(ABBREVIATED_HEADS) and not org_text.startswith("党组织")
        if c.places or c.text in NATIONAL:
            return True
        inside = [t for t in toks if c.start <= t.start and t.end <= c.end]
        if len(inside) == 1:  # 国务院, 扶贫办 yes; 志愿服务队, 合作社 (a kind of body) no
            t = inside[0]
            return len(t.text) >= 3 and t.text not in self.ex.seg.org_heads and t.pos in ("nt", "i", "j", "nz", "x", "l")
        if any(t.pos in PROPER_POS and t.tag != "O" for t in inside) \
                or town_short_name(inside, self.ex.seg, {t.text for t in toks if t.tag == "P"}):
            return True
        if len(c.text) > 5:
            return True
        # 夷陵区锦屏小学 … 锦屏小学: a body named before with its place, named again without it
        places = {m.surface for m in self.out.mentions if m.type == "Place" and not m.anaphor}
        return any(m.type == "Organization" and len(m.surface) > len(c.text) and m.surface.endswith(c.text)
                   and m.surface[:-len(c.text)] in places for m in self.out.mentions)

    def governs(self, sent: Sentence, toks, places: list[int]) -> None:
        """Containment the text states: 北关区辖红旗路街道、灯塔路街道…; X位于Y; 北关区的红旗路街道."""
        if not places:
            return  # every statement needs a (named) place it is about
        ments = self.out.mentions
        text = sent.text
        at = [(ments[p].start - sent.start, ments[p].end - sent.start, p) for p in places]
        m = GOVERNS.search(text) if "辖" in text else None
        if m:
            # the governing place may be an anaphor (该县辖武溪镇、浦市镇…); the governed ones run
            # to the end of the list (…等, or the clause)
            end = LIST_END.search(text, m.end())
            stop = end.start() + (1 if end.group(0) == "等" else 0) if end else len(text)
            tail = COUNTED_AND.match(text, end.start()) if end and end.group(0) == "等" else None
            if tail:  # 辖…田林街道等12个街道和华泾镇: one more kind after the count
                more = CLAUSE_END.search(text, tail.end())
                stop = more.start() if more else len(text)
            governors = sorted((s, e, p) for s, e, p in at + self.anaphor_places(sent) if e <= m.start())
            # the place in 辖's own clause, else the sentence's subject, the last of its first chain
            # (桂岭村位于金宝乡…,辖上岭屯…; 江苏省苏州市姑苏区是…,辖双塔街道…)
            clause = _clause_start(text, m.start())
            before = [p for s, e, p in governors if s >= clause] or _first_chain(governors)
            after = [p for s, e, p in at if m.end() <= s < stop]
            counted = COUNTED_KIND.search(text, m.end(), stop + 12) if before else None
            if counted and not CLAUSE_END.search(text, m.end(), counted.start()):  # the list's own count
                after += self.listed_kind(sent, m.end(), counted, at)
            if before and after:
                for p in after:
                    self.rel("locatedIn", p, before[-1], text)
        anaphors = self.anaphor_places(sent)
        sited = SITED_AT_RE.search(text)
        for _, e1, p1 in at + anaphors if anaphors else at:
            for s2, _, p2 in at:
                if s2 < e1 or s2 - e1 > 3:
                    continue
                between = text[e1:s2]
                if not between:  # 该乡松垭口村 (named chains are linked as chunks)
                    if _lower(ments[p2].surface, ments[p1].surface):
                        if ments[p1].anaphor:
                            self.rel("locatedIn", p2, p1, text)
                        for p3 in self._listed_after(text, at, p2):  # 该县翔凤镇、百福司镇
                            self.rel("locatedIn", p3, p1, text)
                    continue
                if between in ("的", "所辖的", "下辖的") and _lower(ments[p2].surface, ments[p1].surface):
                    self.rel("locatedIn", p2, p1, text)  # 北关区的红旗路街道
                elif between in SITED_AT:  # 六寺村位于中原高新区; X地处天津市滨海新区的Y开发区: in Y开发区
                    self.rel("locatedIn", p1, self._innermost(text, at, p2), text)
        if sited:
            self.sited(sent, at)
        if "在" in text and SET_UP_IN.search(text):
            self.set_up_in(sent, at)
        if len(at) > 1:
            self.parents_named(sent, at)
        if "的" in text:
            self.bodies_of_places(sent, at)

    def bodies_of_places(self, sent: Sentence, at) -> None:
        """禾丰村的郫都区禾丰二荆条种植专业合作社, 犀浦街道的郫都区犀城实验小学: a body right after a
        place and 的 is in that place."""
        ments = self.out.mentions
        for s1, e1, p1 in at:
            of = OF_PLACE.match(sent.text, e1)  # (徐家棚街道辖区的…公司, 产业园内的…公司)
            if of is None or ments[p1].anaphor:
                continue
            body = next((i for i, m in self.sentence_mentions() if m.start == sent.start + of.end()
                         and m.type == "Organization" and not m.anaphor), None)
            if body is not None:
                self.rel("locatedIn", body, p1, sent.text)

    def parents_named(self, sent: Sentence, at) -> None:
        """作为山西省晋中市的农业大县,平遥县…; 兴国县地处…赣州市北部: a division and the one the
        gazetteer holds it directly in, both named in one sentence, are so related by the text."""
        ments = self.out.mentions
        gaz = self.ex.seg.gazetteer
        named = {ments[p].surface: p for _, _, p in at if not ments[p].anaphor}
        for name, p in named.items():
            for d in gaz.by_name(name):
                parent = gaz.get(d.parent)
                if parent is not None and parent.name in named:
                    self.rel("locatedIn", p, named[parent.name], sent.text)
                    break

    def _listed_after(self, text: str, at, first: int) -> list[int]:
        """The places of first's level listed after it with 、 (翔凤镇、百福司镇、…)."""
        ments = self.out.mentions
        rank = _rank(ments[first].surface)
        out = []
        end = ments[first].end - self.sent_start
        for s, e, p in sorted(at):
            if s < end:
                continue
            if s != end + 1 or text[end] != "、" or _rank(ments[p].surface) != rank or ments[p].anaphor:
                break
            out.append(p)
            end = e
        return out

    def _innermost(self, text: str, at, outer: int) -> int:
        """The last place of the chain that begins with outer (天津市|滨海新区|的|天津经济技术开发区)."""
        ments = self.out.mentions
        end = next(e for _, e, p in at if p == outer)
        for s2, e2, p2 in sorted(at):
            if s2 == end and p2 != outer or s2 == end + 1 and text[end] == "的" \
                    and _lower(ments[p2].surface, ments[outer].surface):
                outer, end = p2, e2
        return outer

    def sited(self, sent: Sentence, at) -> None:
        """位于界湖街道的沂南县电商产业园, 位于吉里于孜镇的…有限公司: what follows 位于 a place and 的
        is in that place."""
        text = sent.text
        starts = {s: p for s, _, p in at}
        for i, m in self.sentence_mentions():  # 伊顺公司位于…同心县韦州镇: a body too (该合作社位于…)
            end = m.end - self.sent_start
            verb = SITED_AT_RE.match(text, end) if m.type == "Organization" else None
            if verb is None or m.anaphor and not m.surface.startswith("该"):
                continue
            place = starts.get(verb.end())
            if place is not None:
                self.rel("locatedIn", i, self._innermost(text, at, place), text)
        for s1, e1, p1 in at:
            of = OF_PLACE.match(text, e1)  # (位于蓝鲸社区辖区的…公司)
            if of is None or not text.endswith(SITED_AT, 0, s1):
                continue
            after = [(m.end, i) for i, m in self.sentence_mentions() if m.start == sent.start + of.end()
                     and m.type in ("Place", "Organization") and not m.anaphor]
            if after:
                self.rel("locatedIn", max(after)[1], p1, text)

    def set_up_in(self, sent: Sentence, at) -> None:
        """在盛泽镇绸韵社区设立纺织行业劳动争议巡回法庭: a body set up in a place is in it."""
        text = sent.text
        for s1, _, p1 in at:
            if s1 == 0 or text[s1 - 1] != "在":
                continue
            inner = self._innermost(text, at, p1)
            verb = SET_UP_IN.match(text, next(e for _, e, p in at if p == inner))
            if verb is None:
                continue
            body = next((i for i, m in self.sentence_mentions() if m.start == sent.start + verb.end()
                         and m.type == "Organization" and not m.anaphor), None)
            if body is not None:
                self.rel("locatedIn", body, inner, text)

    def listed_kind(self, sent: Sentence, lo: int, counted: re.Match, at) -> list[int]:
        """辖凤屿新村、湖畔里、金桂苑等7个小区, 辖桂城街道和九江、西樵…6个镇: the items of a list that
        ends in a count of a kind of place are places of that kind (九江镇: a town named without its
        head is named with it). lo: where the list starts."""
        text = sent.text
        kind = counted.group(1)
        out = []
        for item in LIST_ITEM.finditer(text, lo, counted.start() + 1):
            s, e = item.span()
            if e > counted.start() or any(a < e and s < b for a, b, _ in at) or item.group(0) in self.ex.seg.stop:
                continue
            name = item.group(0)
            if kind in KIND_HEADS and not self.ex.seg.place_head(name):
                out.append(self.add(name + kind, "Place", sent.start + s, sent.start + e, written=name))
            else:
                out.append(self.add(name, "Place", sent.start + s, sent.start + e))
        return out

    def anaphor_places(self, sent: Sentence) -> list[tuple[int, int, int]]:
        return [(m.start - sent.start, m.end - sent.start, i) for i, m in self.sentence_mentions()
                if m.type == "Place" and m.surface.startswith("该") and sent.start <= m.start < sent.end]

    def sentence_mentions(self):
        """(index, mention) of the mentions made since the current sentence began."""
        return enumerate(self.out.mentions[self.sent_first:], self.sent_first)

    # -- positions and quotes ----------------------------------------------------

    def positions_and_quotes(self, sent: Sentence, actors: list[tuple[int, int]]) -> None:
        text = sent.text
        ments = self.out.mentions
        units = None
        person_starts = None  # where the sentence's people start, made on first use
        titled = {}  # where a name with posts written before it ends -> its posts
        for _, idx in actors:
            m = ments[idx]
            rel_end = m.end - sent.start
            if m.type == "Person":
                if units is None:  # 社区工作人员侯翔宇: a bare level word stands for the article's own unit in a post
                    units = [(u.start - sent.start, i) for i, u in self.sentence_mentions()
                             if sent.start <= u.start < sent.end and u.type in ("Organization", "Place")]
                note = next((len(n) for n in SECONDED if self.text.endswith(n, 0, m.start)), 0)  # (副区长(挂职)林振豪)
                posts = self._posts_before(sent, units, m.start - note)
                bracket = BRACKETED_POST.match(self.text, m.end)  # 潘建军(沙宜村党支部书记)说
                if bracket and not posts:
                    posts = self._posts_before(sent, units, bracket.end() - 1)
                    rel_end = bracket.end() - sent.start
                if posts:
                    titled[m.end] = posts
                elif self.text[m.start - 1:m.start] == "、" and m.start - 1 in titled:
                    # 区人大代表阮志宏、汤佩芸, 队员X、Y: a seat written before a list is each name's
                    # (a head's post has one holder: 县委书记X、Y are two people, one of them titled)
                    posts = titled[m.end] = [p for p in titled[m.start - 1] if SHARED_POST.search(p[1])]
                if not posts:
                    post = self._post_after(sent, actors, m.end)
                    posts = [post] if post is not None else []
                for unit, title in posts:
                    self.rel("holds", idx, unit, text, title=title)
                # “…。”韩瑞芳脸上满是笑容 / 甄士勇对记者说 / 据刘庆霞介绍
                after_quote = self._after_quote(sent.start) and self._first_person(actors) == idx
                if self._speaks(text, rel_end) or (m.start > 0 and self.text[m.start - 1] == "”") or after_quote \
                        or COLON_QUOTE.match(text, rel_end):
                    self.rel("quotedIn", idx, None, text)
            elif not (m.type == "Place" and m.anaphor and not m.surface.startswith("该")):
                unnamed = _match(UNNAMED_RE, text, rel_end)
                title = "" if unnamed else _match(self.ex.title_re, text, rel_end)
                if not (unnamed or title or m.type == "Organization"):
                    continue  # a place itself never speaks
                after = rel_end + len(unnamed or title)
                if person_starts is None:
                    person_starts = {ments[i].start for _, i in actors if ments[i].type == "Person"}
                if sent.start + after in person_starts:
                    continue  # "…书记田志国表示": the person speaks, not the office
                if unnamed or title:
                    if self._speaks(text, after):
                        self.rel("quotedIn", idx, None, text)
                elif m.type == "Organization" and self._speaks(text, after, strict=True):
                    self.rel("quotedIn", idx, None, text)

    def quotes_without_verb(self, sent: Sentence, actors) -> None:
        """韦玉兰…,她自己在合作社上班,“…”。: the sentence's first person, named in its first clause,
        says the quotation that closes it (no other person in the clause before it); with no one
        named, pronoun_speaks."""
        text = sent.text
        ments = self.out.mentions
        people = [(p, i) for p, i in actors if ments[i].type == "Person"]
        if not people:
            self.pronoun_speaks(sent)
            return
        if "他" in text or "她" in text:  # 居民杜秀兰第一个走进轿厢,她笑着说:“…”
            inner = MID_PRONOUN_SPEAKS.search(text)
            before = [i for p, i in people if inner and p < inner.start()]
            if before and not any(p >= inner.start() for p, _ in people):
                self.rel("quotedIn", before[-1], None, text)
                return
        q = TRAILING_QUOTE.search(text) if text.rstrip().endswith(("”", "”。", "”!", "”?")) else None
        if q is None:
            return
        p0, first = people[0]
        if _clause_start(text, p0) != 0 or self.ex.speech_re.search(text, max(0, q.start() - 4), q.start()):
            return
        last_clause = _clause_start(text, q.start())
        if any(p >= last_clause and ments[i].surface != ments[first].surface for p, i in people):
            return
        self.rel("quotedIn", first, None, text)

    def pronoun_speaks(self, sent: Sentence) -> None:
        """“…”她说。 / 她建议,… in a sentence that names no one: the person named last speaks."""
        if PRONOUN_SPEAKS.match(sent.text):
            ments = self.out.mentions
            last = max((i for i, m in enumerate(ments) if m.type == "Person" and 0 <= m.start < sent.start),
                       key=lambda i: ments[i].start, default=None)
            if last is not None:
                self.rel("quotedIn", last, None, sent.text)

    def serves_as(self, sent: Sentence, actors) -> None:
        """周志鹏,在李家堡镇沙河沟村担任第一书记: [person] … 在[organization or place]担任[title]."""
        ments = self.out.mentions
        text = sent.text
        for m in SERVES_AS.finditer(text) if "任" in text or "选" in text or "挂职" in text else ():  # 担任, 当选
            at = sent.start + m.start()
            unit = next((i for _, i in actors if ments[i].end == at and ments[i].type in ("Organization", "Place")
                         and not ments[i].anaphor), None)
            title = _match(self.ex.title_re, text, m.end())
            person = next((i for _, i in reversed(actors) if ments[i].type == "Person" and ments[i].end <= at), None)
            if unit is not None and title and person is not None:
                self.rel("holds", person, unit, text, title=title)
                continue
            if person is not None and unit is None and not title \
                    and text[ments[person].end - sent.start:m.start()] in ("", "兼"):
                # 园区党委书记由街道党工委委员俞海涛兼任: the post before 由, the person after it
                by = text.rfind("由", 0, ments[person].start - sent.start)
                body = next((i for _, i in reversed(actors) if by > 0 and "," not in text[by:m.start()]
                             and ments[i].type == "Organization" and not ments[i].anaphor
                             and self.ex.title_re.fullmatch(text, ments[i].end - sent.start, by)), None)
                if body is not None:
                    self.rel("holds", person, body, text, title=text[ments[body].end - sent.start:by])
                    continue
            if person is None or unit is not None:
                continue
            if title:  # 成立凤屿新村小区党支部,…蔡金水当选支部书记: the title names the body's head word
                # (…成立X合作社,由Y兼任理事长: the head a head's title names, HEAD_TITLES)
                body = next((title[:k] for k in range(len(title) - 1, 1, -1) if title[k:] in self.ex.seg.titles),
                            "") or HEAD_TITLES.get(title, "")
                org = max((i for _, i in actors if ments[i].type == "Organization" and ments[i].end <= at
                           and body and ments[i].surface.endswith(body) and not ments[i].anaphor), default=None)
                if org is not None:
                    self.rel("holds", person, org, sent.text, title=title)
                continue
            # 黄德明任联合党委书记: the body after the verb, then the title
            after = sent.start + m.end()
            unit = next((i for _, i in actors if ments[i].start == after and ments[i].type == "Organization"), None)
            if unit is not None:
                title = _match(self.ex.title_re, self.text, ments[unit].end)
                if title:
                    self.rel("holds", person, unit, sent.text, title=title)
                continue
            # 杨文斌兼任合作社理事长, 当选村党支部书记: a bare head and the title after the verb
            bare = self._post_to_clause_end(sent, (), after)
            if bare is not None:
                self.rel("holds", person, bare[0], sent.text, title=bare[1])

    def _post_to_clause_end(self, sent: Sentence, actors, lo: int) -> tuple[int, str] | None:
        """A post written from lo to the end of its clause: [organization][title] (the organization
        after lo) or [bare head or 该X][title] (杭琪是|该校德育主任, 兼任|合作社理事长)."""
        clause = CLAUSE_END.search(self.text, lo, sent.end)
        end = clause.start() if clause else sent.end
        if not self.ex.title_end_re.search(self.text, lo, end):
            return None
        post = self._post_before(actors, end)
        if post is not None and self.out.mentions[post[0]].start >= lo:
            return post
        return self._post_bare(sent, lo, end)

    def _after_quote(self, pos: int) -> bool:
        """The sentence starting at pos follows a closing quote (…。”韩瑞芳脸上满是笑容)."""
        k = pos - 1
        while k >= 0 and self.text[k].isspace():
            k -= 1
        return k >= 0 and self.text[k] == "”"

    def _first_person(self, actors) -> int | None:
        return next((i for _, i in actors if self.out.mentions[i].type == "Person"), None)

    def _speaks(self, text: str, at: int, strict: bool = False) -> bool:
        at = SPEECH_LEAD.match(text, at).end()  # (an adverb, to whom, how: or nothing)
        if strict:  # an organization itself: "党中央、国务院明确提出:"
            return bool(ORG_STATES.match(text, at))
        # 周海燕在列席黄宅镇代表团审议时表示: an adjunct of time between the name and the verb
        return bool(self.ex.speech_re.match(text, at) or self.ex.speech_after_adjunct.match(text, at))

    def _post_after(self, sent: Sentence, actors, name_end: int) -> tuple[int, str] | None:
        """[name],[organization][title]: 刘凯平,东湖社区党支部书记,…; [name]是[organization or
        该X][title], (杭琪是该校德育主任,…)"""
        is_ = IS_AFTER_NAME.match(self.text, name_end)  # (他叫龙文斌,是…排里村驻村第一书记)
        if is_:
            return self._post_to_clause_end(sent, actors, is_.end())
        if self.text[name_end:name_end + 1] not in (",", ","):
            return None
        ments = self.out.mentions
        org = next((i for _, i in actors if ments[i].start == name_end + 1
                    and ments[i].type in ("Organization", "Place")), None)
        if org is None:
            return None
        rest = self.text[ments[org].end:ments[org].end + 12]
        title = _match(self.ex.title_re, rest, 0)
        if title and (len(rest) == len(title) or not "\u4e00" <= rest[len(title)] <= "\u9fff"
                      or rest[len(title):].startswith(("说", "表示", "介绍"))):
            return org, title
        return None

    def _posts_before(self, sent: Sentence, units, name_start: int) -> list[tuple[int, str]]:
        """The posts written before a name: [organization][title], a chain of them joined by 、
        (县委副书记、县长蒋文浩; 县政协委员、…公司总经理陈美娟), a bare head standing for the body
        the article named before (公司总经理陈伟强, 该院…医师温建辉), a level's head (副县长周海燕)."""
        text = self.text
        first = self._post_before(units, name_start)
        if first is None:  # …推进会上,县长赵志刚表示: the title opens the name's clause
            bare = self._post_bare(sent, sent.start + _clause_start(sent.text, name_start - sent.start), name_start,
                                   chain=True) or self._post_of_previous(sent, name_start)
            if bare is None:
                return []
            parts = POST_SEP.split(bare[1])  # 工作队队长、村第一书记: the chain after a bare head's post
            return [(bare[0], parts[0]), *self._more_posts(sent, bare[0], parts[1:], name_start - len(bare[1]) + len(parts[0]) + 1)]
        unit, gap = first
        ments = self.out.mentions
        posts = []
        parts = POST_SEP.split(gap)
        posts.append((unit, parts[0]))
        posts += self._more_posts(sent, unit, parts[1:], name_start - len(gap) + len(parts[0]) + 1,
                                  own=parts[0].startswith("党组"))
        start = ments[unit].start
        while (place := next((m.start for _, i in units if (m := ments[i]).type == "Place" and m.end == start
                              and m.start < start), None)) is not None:
            start = place  # 区人大代表、五常街道|柳堤社区党委副书记: the body's place opens its post
        while start > sent.start and text[start - 1] in "、,,":  # 县政协委员、…公司总经理
            prev = self._post_before(units, start - 1)
            if text[start - 1] != "、" and (prev is None or not prev[1].endswith("常委")):
                break  # (县委常委,县纪委书记…: a standing member's seat, then the posts it comes with)
            if prev is None:  # 驻村第一书记、工作队队长: a title alone opening the chain
                bare = self._post_bare(sent, sent.start + _clause_start(sent.text, start - 1 - sent.start), start - 1)
                if bare is not None:
                    posts.append(bare)
                break
            if POST_SEP.search(prev[1]):
                break
            posts.append(prev)
            start = ments[prev[0]].start
        if text[start - 1:start] == "兼":  # …局长韩卫东、副局长兼县农技推广中心主任马振峰
            shared = self._post_of_previous(sent, start - 1)
            if shared is not None:
                posts.append(shared)
        return [(u, self._inner_title(u, title)) for u, title in posts]

    def _more_posts(self, sent: Sentence, unit: int, parts: list[str], at: int, own: bool = False) -> list[tuple[int, str]]:
        """The posts after the first of a chain joined by 、 or 兼 (书记、村委会主任; 副书记、县长), the
        first one's in unit; at: where the second begins; own: the first is a post of the unit's
        own party group (县人社局党组书记、局长), so a title alone after it is the unit's too."""
        posts = []
        for part in parts:
            # (…公司党支部书记、总经理: the company's, before the last body named with 公司)
            # (镇党委委员、组织委员: a member's office in the same committee)
            more = self._committee_body(sent, unit, part, at) or self._committee_place(unit, part, at) \
                or ((unit, part) if part.endswith("委员") and self.out.mentions[unit].surface.endswith("委")
                    and self.ex.title_re.fullmatch(part) else None) \
                or (self._outer_post(unit, part) if part in HEAD_TITLES else None) \
                or self._post_bare(sent, at, at + len(part)) \
                or (self._outer_post(unit, part) or ((unit, part) if own else None)
                    if self.ex.title_re.fullmatch(part) else None)
            if more is not None:
                posts.append(more)
            at += len(part) + 1
        return posts

    def _outer_post(self, unit: int, title: str) -> tuple[int, str] | None:
        """The post `title` in the body the inner body `unit` is of (…公司|党支部), if it is one."""
        outer = self._outer_body(unit)
        return (outer, title) if outer is not None else None

    def _committee_body(self, sent: Sentence, unit: int, part: str, at: int) -> tuple[int, str] | None:
        """区委常委、组织部部长: a department after a party committee's post is that committee's
        (区委组织部), whether or not the article named it before; 街道党工委副书记、办事处主任: the
        office after a street's working committee's post is the street's (清真巷街道办事处, in it)."""
        committee = self.out.mentions[unit]
        if part.startswith("办事处") and committee.surface.endswith("街道党工委"):
            body, name = "办事处", committee.surface[:-3] + "办事处"
        else:
            body = next((d for d in PARTY_DEPARTMENTS if part.startswith(d)), None)
            if body is None or not committee.surface.endswith("委"):
                return None
            name = committee.surface + body
        if not self.ex.title_re.fullmatch(part, len(body)):
            return None
        org = self.add(name, "Organization", at, at + len(body), qualify=committee.qualify, anaphor=committee.anaphor)
        if body == "办事处":
            street = next((r.object for r in self.out.relations if r.predicate == "locatedIn" and r.subject == unit), None)
            if street is not None:
                self.rel("locatedIn", org, street, sent.text)
        return org, part

    def _names_government(self, level: str) -> bool:
        """Whether the article names the level's government as a body of its own, not only in the
        pair 县委、县政府."""
        return re.search(f"(?<!委、)(?<!委){level}(?:人民)?政府", self.text) is not None

    def _committee_place(self, unit: int, part: str, at: int) -> tuple[int, str] | None:
        """安定区委常委、副区长: the head of a level's government after a post in that level's named
        committee is the head of the committee's own district (its government where the article
        names one), not of another the article names."""
        committee = self.out.mentions[unit]
        gov = LEVEL_HEAD_TITLE.fullmatch(part)
        if gov is None or committee.anaphor or committee.qualify or not committee.surface.endswith(gov.group(1) + "委"):
            return None
        place = committee.surface[:-1]
        if place.endswith(gov.group(1) * 2):
            place = place[:-1]  # 新县县委: a one-character county keeps its level before 委
        if len(place) < 3 and not self.ex.seg.gazetteer.is_known(place):  # (区委常委: a bare committee, the page's)
            return None
        if self._names_government(gov.group(1)):
            # (新县县委 … 新县县政府: the committee's name without 委)
            return self.add(committee.surface[:-1] + "政府", "Organization", at, at + len(part)), part
        return self.add(place, "Place", at, at + len(part)), part

    def _post_of_previous(self, sent: Sentence, hi: int) -> tuple[int, str] | None:
        """北关区委书记王建国、副书记李文明: a title alone (ending at hi) after 、 and a person holding
        a post is a post in that person's body."""
        lo = self.text.rfind("、", sent.start, hi) + 1
        if lo <= sent.start or self.text[lo - 1] != "、" or not self.ex.title_re.fullmatch(self.text, lo, hi):
            return None
        if LEVEL_HEAD_TITLE.fullmatch(self.text, lo, hi):  # 县委书记X、县长Y: the level's head, not the committee's
            return self._post_bare(sent, lo, hi)
        ments = self.out.mentions
        prev = next((i for i, m in enumerate(ments) if m.type == "Person" and m.end == lo - 1), None)
        unit = next((r.object for r in reversed(self.out.relations) if r.predicate == "holds"
                     and r.subject == prev), None) if prev is not None else None
        return (unit, self.text[lo:hi]) if unit is not None else None

    def _inner_title(self, unit: int, title: str) -> str:
        """…公司|工会|主席: the title of a company's union (party branch) is written 工会主席."""
        inner = _inner_body(self.out.mentions[unit])
        return title if not inner or title.startswith(inner) else inner + title

    def _post_bare(self, sent: Sentence, lo: int, name_start: int, chain: bool = False) -> tuple[int, str] | None:
        """[bare head or 该X][title][name] (公司总经理, 管委会副主任, 该院中医科副主任医师): the latest
        body of that head the article named; [level]长 alone (副县长, 乡长): that level's government."""
        text = self.text
        opens = lo == sent.start or BARE_HEAD_BOUNDARY.match(text, lo - 1)  # the title stands alone
        if text.startswith("据", lo):  # 据镇长韦明华介绍, 据合作社理事长X介绍: and so it does after 据
            lo += 1
        window = text[lo:name_start]
        if window == STATIONED_TITLE and opens:  # 驻村第一书记: the village's
            return self.add("村", "Place", lo + 1, lo + 2, anaphor="村"), window
        grid = next((t for t in GRID_TITLES if window == t and opens or window.endswith("的" + t)), None)
        if grid:
            # 网格员索南卓玛: a grid worker of the community (village) the article last named
            local = max((i for i, m in enumerate(self.out.mentions) if m.type == "Place" and not m.anaphor
                         and 0 <= m.end <= lo and m.surface.endswith(BUILDING_PLACES if grid.startswith("楼") else GRID_PLACES)),
                        key=lambda i: self.out.mentions[i].end, default=None)
            if local is not None:
                return local, grid
        head = window if window in HEAD_TITLES and opens else next(
            (t for t in HEAD_TITLES if window.endswith("的" + t)), None)  # (68岁的队长柯玉兰)
        if head:
            # 这支志愿服务队… 队长柯春梅: the head of the team (station, institute) last named
            return self.add(head, "Organization", name_start - len(head), name_start, anaphor="=" + HEAD_TITLES[head]), head
        k = name_start - len(DEPUTY) - 1
        deputy = LEVEL_DEPUTY.match(text, k, name_start) if k >= lo else None
        if deputy and (k == sent.start or BARE_HEAD_BOUNDARY.match(text, k - 1) or text[k - 1] in AFTER_PARTICLE):
            # (参加接待的区人大代表、…, 引起了区人大代表、…: not 社区|人大代表)
            return self.add(deputy.group(1) + "人大", "Organization", k, k + 3, qualify=deputy.group(1)), DEPUTY
        gov = LEVEL_HEAD_TITLE.fullmatch(text, lo, name_start)
        if gov and opens:
            level = gov.group(1)
            if self._names_government(level):
                return self.add(level + "政府", "Organization", lo, name_start, qualify=level), window
            return self.add(level, "Place", lo, lo + 1, anaphor=level), window  # the 县 (镇) itself
        for k in range(max(lo, name_start - 14), name_start):
            if k > lo and not BARE_HEAD_BOUNDARY.match(text, k - 1) and not (
                    text.startswith("驻村", k - 2) and (k - 2 <= lo or BARE_HEAD_BOUNDARY.match(text, k - 3))):
                continue  # (驻村|工作队队长: the team stationed in the village)
            if text[k] == "该":
                if text[k + 1:k + 2] == "校" and self.ex.title_end_re.search(text, k + 2, name_start):
                    # 该校德育主任: the school last named (小学, 中学 … end in no 校)
                    return self.add("该校", "Organization", k, k + 2, anaphor=BODY_ANAPHORS["该校"]), text[k + 2:name_start]
                continue
            hm = self.ex.bare_head_re.match(text, k)
            if hm is None:
                continue
            head = hm.group(0)
            if len(head) == 1 and self.ex.title_re.fullmatch(text, k, name_start):
                continue  # 组织委员: a title that opens with a one-character head (组), no 组's 织委员
            gap = text[k + len(head):name_start]
            # (chain: the posts after a bare head's may follow it, joined by 、: 工作队队长、村第一书记)
            parts = POST_SEP.split(gap) if chain else [gap]
            if not gap or NON_HAN.search(gap.replace("、", "") if chain else gap) \
                    or not self.ex.title_end_re.search(parts[0]) \
                    or not all(p and self.ex.people.title_end.search(p) for p in parts[1:]):  # (队长、退休工人)
                continue
            if head[0] in LEVEL_CHARS + "村" and len(head) > 1:  # 村委会主任: the village's (an abbreviation)
                return self._body_of_level(head, head[0], k, sent), gap
            if head == "居委会":  # 居委会主任: the community's
                return self._body_of_level(head, "社区", k, sent), gap
            inner = next((x for x in INNER_BODIES if parts[0].startswith(x) and self.ex.title_re.fullmatch(parts[0][len(x):])), "")
            if inner and head.endswith(TERMINAL_HEADS):  # 公司党支部书记: the branch of the company last named
                end = k + len(head) + len(inner)
                return self.add(head + inner, "Organization", k, end, anaphor=f"={head}+{inner}"), gap
            # 公司总经理: the body last named with that head, as for a bare subject (BARE_SUBJECT)
            return self.add(head, "Organization", k, k + len(head), anaphor="=" + head), gap
        return None

    def _body_of_level(self, head: str, level: str, at: int, sent: Sentence) -> int:
        """村委会 (居委会) standing for the village's (community's): the body, in the place the
        level stands for (kg.resolve reads both the same way)."""
        body = self.add(head, "Organization", at, at + len(head), qualify=level)
        self.rel("locatedIn", body, self.add(level, "Place", at, at + len(head), anaphor=level), sent.text)
        return body

    def _post_before(self, actors, name_start: int) -> tuple[int, str] | None:
        """[organization][的]?[title][name] -> (organization mention, title)."""
        ments = self.out.mentions
        best = None
        for _, i in actors:
            m = ments[i]
            if m.type not in ("Organization", "Place") or m.start < 0 or m.end > name_start:
                continue
            if m.surface.startswith("该") or name_start - m.end > 12:
                continue
            if best is None or m.end > ments[best].end:
                best = i
        if best is None:
            return None
        gap = self.text[ments[best].end:name_start].lstrip("的")
        if not gap or NON_HAN.search(gap.replace("、", "")):
            return None
        b = ments[best]
        if gap == DEPUTY and b.type == "Place" and not b.anaphor and b.surface[-1] in "区县市旗镇乡" \
                and not b.surface.endswith("社区"):  # 铁西区人大代表: 铁西区人大's
            return self.add(b.surface + "人大", "Organization", b.start, b.end + 2), DEPUTY
        if not all(p and self.ex.title_end_re.search(p) for p in POST_SEP.split(gap)):
            return None
        if b.type == "Place":  # 浦阳派出所|社区|民警, …物业服务有限公司|凤屿新村|项目经理: the body's post
            org = next((i for _, i in actors if ments[i].type == "Organization" and ments[i].end == b.start
                        and ments[i].start >= 0), None)
            if org is not None:
                return org, (b.surface + gap if b.anaphor else gap)
        elif b.type == "Organization" and not b.anaphor:
            dept = DEPARTMENT_POST.fullmatch(gap) if not b.surface.endswith(TERMINAL_HEADS) else None
            if dept:  # 管委会|经济发展部部长 -> 中德生态园管委会经济发展部, 部长 (a company's: its title)
                org = self.add(b.surface + dept.group(1), "Organization", b.start, b.end + len(dept.group(1)))
                return org, dept.group(3)
            inner = next((x for x in INNER_BODIES if gap.startswith(x) and self.ex.title_re.fullmatch(gap[len(x):])), None)
            if inner:  # 铝捷型材公司|工会主席 -> 铝捷型材公司工会, 主席
                org = self.add(b.surface + inner, "Organization", b.start, b.end + len(inner))
                return org, gap
        return best, gap  # 党委副书记, 英语系退休副教授

    # -- runs --------------------------------------------------------------------

    def runs(self, sent: Sentence, actors: list[tuple[int, int]], subject: int | None,
             programs: list[tuple[int, int, str]]) -> int | None:
        """Actor + run verb + program. Returns the subject the next sentence inherits."""
        text = sent.text
        ments = self.out.mentions
        every = actors  # 在椒坪溪村“爱心积分超市”: a place after 在 acts in no clause, but owns what follows it
        if not actors and not programs and not self.pending:
            self._sentence_project(sent)
            return subject
        spans = [(s, e) for s, e, _ in programs] if programs else []
        adjuncts = self._adjuncts(text, actors)
        may_act = ((p, i) for p, i in actors if not (spans and any(s <= p < e for s, e in spans))
                   and ments[i].type in ("Organization", "Place", "Person")
                   and not (i in adjuncts and not self._partner(text, i) and not BARE_PARTNER.match(text, p)))
        if not programs and not self.pending:  # nothing runs here: only the subject carries on
            self._sentence_project(sent)
            return next(_clause_subjects(text, may_act), (0, subject))[1]
        actors = list(may_act)
        clause_subjects = list(_clause_subjects(text, actors))
        bounds = _clause_bounds(text)
        named = [(p, i) for p, i in actors if not _bare(ments[i])]
        if self.pending:  # 建立“1+3”街道大工委机制。2月份,城东路街道出台…: the actor comes next
            who = clause_subjects[0][1] if clause_subjects else subject
            for prog, evidence in self.pending:
                if who is not None:
                    self.rel("runs", who, prog, evidence)
            self.pending = []
        opens_with_verb = bool(self.ex.run_verb_re.match(text))
        for s, e, inner in programs:
            idx = self.add(text[s:e], "Program", sent.start + s, sent.start + e)
            found = self._actors(text, named, clause_subjects, s, bounds)
            relative = self._relative_runner(text, every, s)
            if relative is not None and relative not in (found or ()):
                found = [relative]  # (通过X开发的“…”: X, whatever stands before it)
            if found is None and self._run_verb_before(text, s) is not None:
                if opens_with_verb and not named:
                    self.pending.append((idx, text))
                    continue
                found = [subject] if subject is not None else []
            owner = self._owner(sent.start + s, every) if text[s] == "“" and text[e:e + 1] not in PLACE_AFTER \
                else None
            made = self.ex.made_by_re.match(text, e)
            if made:  # “银龄幸福食堂”是延吉市民政局今年重点推进的…: the body (not the place its name opens with)
                inside = [(p, i) for p, i in named if made.start(1) <= p < made.end(1)]
                maker = self._chain_tail(inside[:1], named) if inside else None
                if maker is not None and maker not in (found or ()):
                    found = [*(found or ()), maker]
            for actor in found or []:
                if ments[actor].type == "Person" and "我们" in text[max(0, ments[actor].end - sent.start):s]:
                    actor = self._body_of(actor) or actor  # 韩振宇:我们启动了…: the body the speaker heads
                self.rel("runs", actor, idx, text)
            if owner is not None and owner not in (found or ()):
                self.rel("runs", owner, idx, text)
        self._sentence_project(sent)
        if clause_subjects:
            return clause_subjects[0][1]
        return subject

    def _relative_runner(self, text: str, actors, at: int) -> int | None:
        """The place or body right before X开发的“…” (推出的, 实施的): the runner, even after a
        preposition (居民通过犀浦街道开发的“犀邻汇”小程序)."""
        m = self.ex.relative_run_re.search(text, max(0, at - 8), at)
        if m is None:
            return None
        ments = self.out.mentions
        found = next(((p, i) for p, i in actors if ments[i].end - self.sent_start == m.start()
                      and ments[i].type in ("Organization", "Place")), None)
        if found is None:
            return None
        where = _before_anaphor(text, found[0])
        if text.endswith(WHERE_BEFORE, 0, where):  # 区城管委|在该街道|开展的“…”: where, not who (but 在X搭建的…上: X)
            return next((i for _, i in actors if ments[i].end - self.sent_start == where - 1
                         and ments[i].type in ("Organization", "Place")), found[1])
        return found[1]

    def _owner(self, at: int, actors) -> int | None:
        """该区“马铃薯良种繁育工程”, 椒坪溪村(的)“爱心积分超市”: the body or place right before a
        quoted program is the one whose program it is."""
        end = at - 1 if self.text[at - 1:at] == "的" else at
        ments = self.out.mentions
        if any(m.type == "Organization" and m.start <= at < m.end for m in ments[self.sent_first:]):
            return None  # 云锦社区“时间银行”服务站: the quote begins a body's name, the program is not the place's
        owner = next((i for _, i in actors if ments[i].end == end and ments[i].type in ("Organization", "Place")), None)
        if owner is not None and self.text.endswith(SITED_AT, 0, self._chain_start(owner)):
            return None  # 位于台江区上海街道的“安定好物”专馆: where it stands, not whose it is
        return owner

    def _chain_start(self, idx: int) -> int:
        """Where the chain of places ending with mention idx begins (台江区|上海街道: 台江区's start)."""
        ments = self.out.mentions
        start = ments[idx].start
        while True:
            before = next((m for m in ments[self.sent_first:] if m.end == start and m.start < start and m.type == "Place"),
                          None)
            if before is None:
                return start
            start = before.start

    def _sentence_project(self, sent: Sentence) -> None:
        """前坪水库移民搬迁工程涉及…: a project as the sentence's subject."""
        if "工程" not in sent.text and "项目" not in sent.text:
            return  # what SENTENCE_PROJECT needs (most sentences have neither)
        m = SENTENCE_PROJECT.match(sent.text)
        if m:
            self.add(m.group(1), "Program", sent.start + m.start(1), sent.start + m.end(1))

    def _actors(self, text: str, actors, clause_subjects, at: int, bounds: list[int]) -> list[int] | None:
        """Who runs the program at `at`: 由X指挥 / 被X、Y授予 / the subject of the run verb's clause.
        None when the sentence does not say (the caller falls back on the running subject)."""
        ments = self.out.mentions
        # 韦立新表示,要总结推广“…”: a person who speaks runs nothing of what is reported (but
        # 韩振宇说:我们启动了…: the speaker's body, see runs)
        speakers = {i for p, i in actors if ments[i].type == "Person" and p < at
                    and self._speaks(text, ments[i].end - self.sent_start) and "我们" not in text[p:at]}
        if speakers:  # (and whoever is named before the speaker: 县委组织部选派的…第一书记X表示,…)
            spoke = max(p for p, i in actors if i in speakers)
            actors = [(p, i) for p, i in actors if i not in speakers and p > spoke]
            clause_subjects = [(p, i) for p, i in clause_subjects if i not in speakers and p > spoke]
        passive = PASSIVE.search(text[:at])
        if passive:
            inside = [i for p, i in actors if passive.start(1) <= p < passive.end(1) and ments[i].type == "Organization"]
            if inside:
                return inside
        by = RUN_BY_BEFORE.search(text, 0, at)
        if by:  # 由市商务局牵头的“晋品出海”计划; 由X主办、Y承办的: both; 由X牵头,会同Y建立“…”: X
            inside = self._bodies_within(actors, by.start(1), by.end(1))
            if inside:
                return inside
        verb = self._run_verb_before(text, at)
        clause = max(b for b in bounds if b <= verb) if verb is not None else 0
        before_verb = [(p, i) for p, i in actors if clause <= p < verb] if verb is not None else []
        if before_verb:  # 该街道开展的“…”活动: the actor right before the verb (whoever 由…牵头 names later)
            # (社区联合安海派出所建立…: the bare subject the first of them joins acts too)
            joined = [i for p, i in clause_subjects if clause <= p < before_verb[0][0] and _bare(ments[i])
                      and JOINED_BY_VERB.fullmatch(text, ments[i].end - self.sent_start, before_verb[0][0])]
            if clause and JOINED_BY_VERB.fullmatch(text, clause, before_verb[0][0]):
                # X牵头,联合Y、Z开展“…”: the clause that names whom X joins acts with X, the subject before it
                lead = [i for p, i in clause_subjects if _clause_start(text, clause - 1) <= p < clause]
                joined += lead[:1]
            return [self._chain_tail(before_verb[-1:], actors), *self._coordinated(text, before_verb), *joined]
        by = RUN_BY.search(text[at:])
        if by:  # “订单粮”种植项目由麦丰源公司与禾丰合作社共同实施: both
            inside = self._bodies_within(actors, at + by.start(1), at + by.end(1))
            if inside:
                return inside
        if verb is None:
            return []
        bare = [(p, i) for p, i in clause_subjects if clause <= p < verb]
        if bare:  # 社区专门建立了…: the article's own community
            return [bare[0][1]]
        # the nearest subject before: a clause's (潭溪镇依托…,引进X公司,实施“…”项目: X is an object,
        # not the actor) or a pronoun opening a clause (她先后资助了…,设立“余玛丽助学金”); a pronoun
        # that speaks (他介绍,今年以来,X街道…建立“…”) is no subject of what is reported
        for b in reversed([b for b in bounds if b <= clause]):
            cands = [(p, i) for p, i in clause_subjects if b <= p < clause]
            if cands:
                first = self._chain_tail(cands[:1], actors)
                if text.endswith(TOGETHER, 0, verb):  # X与Y签订协议,共同开设“…”: Y too
                    return [first, *(i for p, i in actors if b <= p < clause and i != first
                                     and text.endswith("与", 0, p) and self._partner(text, i))]
                # X联合Y,在…开展“…”: the body X joins acts with it
                after = ments[first].end - self.sent_start
                joined = JOINED_BY_VERB.match(text, after)
                partner = next((i for p, i in actors if p == joined.end() and p < clause and ments[i].type == "Organization"),
                               None) if joined and joined.end() > after else None
                return [first] if partner is None else [first, self._chain_tail([(0, partner)], actors)]
            made = MADE_BY_SUBJECT.match(text, b)
            if made:  # 由县文旅局牵头成立的新县…协会,常年开展“…”: the body made is the subject
                body = next((i for p, i in actors if p == made.end() and ments[i].type == "Organization"), None)
                if body is not None:
                    return [body]
            pronoun = PRONOUN_SUBJECT.match(text, b)
            if pronoun and self._speaks(text, pronoun.end()):
                return []  # 他强调,要…以“…”为牵引: what a speaker reports is no running subject's either
            if pronoun:
                person = next((i for i in reversed(range(len(ments))) if ments[i].type == "Person"
                               and 0 <= ments[i].start < self.sent_start + b), None)
                if person is not None:
                    return [person]
            clause = b
        return [] if speakers else None

    def _bodies_within(self, actors, lo: int, hi: int) -> list[int]:
        """The bodies (and places) named between lo and hi (sentence offsets), each once: not one
        inside another's name (…公司|工会: the union)."""
        ments = self.out.mentions
        # (由县交通运输局与百都乡联合组织实施: a place acts too, unless it is where: 由X在Y镇组织)
        text, at = self.text, self.sent_start
        inside = [i for p, i in actors if lo <= p < hi and (ments[i].type == "Organization" or ments[i].type == "Place"
                                                          and not text.endswith(WHERE_BEFORE, 0, at + p))]
        return [i for i in inside if not any(j != i and ments[j].start <= ments[i].start and ments[i].end <= ments[j].end
                                             and (ments[j].start, ments[j].end) != (ments[i].start, ments[i].end)
                                             for j in inside)]

    def _adjuncts(self, text: str, actors) -> set[int]:
        """The actors that are where or with whom (在X, 深入X), and the ones listed after those
        (在勐遮镇、勐满镇启动…: 勐满镇 too)."""
        ments = self.out.mentions
        out: set[int] = set()
        prev = None
        for p, i in actors:
            if p > 0 and _adjunct(text, _before_anaphor(text, p)):
                out.add(i)
            elif prev is not None and prev in out and text[ments[prev].end - self.sent_start:p] in ("、", "和", "及"):
                out.add(i)
            prev = i
        return out

    def _partner(self, text: str, i: int) -> bool:
        """X与Y共同打造…, X与Y签订协议,共同开设…: Y, after 与, acts together with X (not an
        adjunct of the verb)."""
        end = self.out.mentions[i].end - self.sent_start
        return text.startswith(TOGETHER, end) or bool(TOGETHER_LATER.match(text, end))

    def _coordinated(self, text: str, before_verb: list[tuple[int, int]]) -> list[int]:
        """由共青团南海区委员会、南海区妇女联合会联合主办的…: the bodies joined to the last one
        before the verb by 、, 和, 与 act with it; so does a body or place that joins it with a verb
        (县民政局联合田老庄乡开展…)."""
        ments = self.out.mentions
        out = []
        p_next, i_next = before_verb[-1]
        for p, i in reversed(before_verb[:-1]):
            between = text[ments[i].end - self.sent_start:p_next]
            if not between and ments[i].type == "Place":  # 该街道|翠岭社区…: the chain of one name
                p_next = p
                continue
            if COORDINATED.fullmatch(between):
                # (由X局与Y镇联合举办的: a place too, when they act together)
                if not ments[i].type == ments[i_next].type == "Organization" and not (
                        self._partner(text, i_next) and ments[i].type in ("Organization", "Place")):
                    break
            elif not JOINED_BY_VERB.fullmatch(between) or ments[i].type not in ("Organization", "Place"):
                break
            out.append(i)
            p_next, i_next = p, i
        return out

    def _run_verb_before(self, text: str, at: int) -> int | None:
        """Where the last run verb within 30 characters before `at` (same sentence) starts; or 以
        right before it when the program is the means (以“书香玄武”全民阅读节为抓手)."""
        if text[at - 1:at] == "以" and AS_MEANS.match(text, at):
            return at
        window_start = max(0, at - 30)
        clause = SENTENCE_END.split(text[window_start:at])[-1]
        end = at
        while True:
            last = self.ex.last_run_verb_re.match(text, at - len(clause), end)  # overlapping: the last start wins
            if last is None or text[last.end() - 1:last.end()] == "被":
                return None  # (食堂被纳入“…”: the subject is what is taken in, not who runs it)
            verb = self.sent_start + last.end()
            if not any(m.type == "Organization" and m.start <= verb < m.end for _, m in self.sentence_mentions()):
                return last.end()
            end = last.end()  # 郫都区委组织部将“…”纳入: 组织 in a body's name is no verb

    def _body_of(self, person: int) -> int | None:
        """The organization the article says the person holds a post in, if any."""
        ments = self.out.mentions
        name = ments[person].surface
        return next((r.object for r in self.out.relations if r.predicate == "holds" and ments[r.subject].surface == name
                     and ments[r.object].type == "Organization"), None)

    def _chain_tail(self, cands, actors):
        """豆腐营街道向阳社区开展…: the actor is the innermost place of a chain."""
        ments = self.out.mentions
        first = tail = cands[0][1]
        for p, i in actors:
            if ments[i].start == ments[tail].end and ments[i].type == ments[tail].type:
                tail = i
        if ments[tail].type == "Place" and self.text[ments[tail].end:ments[tail].end + 1] == "的":
            # 观沙岭街道的银杏志愿服务队联合…开展: the place's body acts
            body = next((i for p, i in actors if ments[i].type == "Organization" and ments[i].start == ments[tail].end + 1
                         and not ments[i].anaphor), None)
            if body is not None:
                return body
        # 滨海新区人力资源和社会保障局…: the chain begins a body's name, and the body acts
        return next((i for p, i in actors if ments[i].type == "Organization" and ments[first].type == "Place"
                     and ments[i].start == ments[first].start and ments[i].end >= ments[tail].end), tail)

    def places_in_names(self) -> None:
        """东安路派出所 is in 东安路街道: an organization named after a place of the article."""
        ments = self.out.mentions
        places = {m.surface: i for i, m in enumerate(ments) if m.type == "Place" and not m.anaphor}
        located = {r.subject for r in self.out.relations if r.predicate == "locatedIn"}
        for i, m in enumerate(ments):
            if m.type != "Organization" or m.anaphor or m.qualify or i in located:
                continue
            # (大理云上古城…公司 on a page of 大理市 and its 大理镇: a body is named after the higher one)
            found = min(((_rank(name) or 9, k, j) for k, (name, j) in enumerate(places.items())
                         if len(stem := name[:-2] if name.endswith(("街道", "社区")) else name[:-1]) >= 2
                         and m.surface.startswith(stem) and not m.surface.startswith(name)), default=None)
            if found:
                self.rel("locatedIn", i, found[2], self._sentence_of(m))

    def _sentence_of(self, m) -> str:
        i = bisect.bisect_right([st.start for st in self.sents], m.start) - 1
        return self.sents[i].text if i >= 0 else ""

    # -- names -----------------------------------------------------------------

    def given_name_aliases(self) -> None:
        """韩瑞芳 … 瑞芳特别懂事: a given name used alone is the same person; so is 王书记, the
        family name and a title, when the article names one person of that family name."""
        full = {m.surface for m in self.out.mentions
                if m.type == "Person" and len(m.surface) == 3 and looks_like_person_name(m.surface)}
        titles = self.ex.seg.titles

        def addressed(name: str) -> bool:  # 王书记, 周阿婆: a family name and what it is called by
            return name[1:] in titles or name[1:] in HONORIFICS

        full = {name for name in full if not addressed(name)}
        by_family: dict[str, list[str]] = {}
        for name in full:
            by_family.setdefault(name[0], []).append(name)
        for m in self.out.mentions:
            if m.type == "Person" and not m.anaphor and m.surface in self.dotted_first:
                m.anaphor = "@" + self.dotted_first[m.surface]
        for m in self.out.mentions:
            if m.type == "Person" and not m.anaphor and addressed(m.surface):
                named = by_family.get(m.surface[0], [])
                if len(named) == 1:  # 王振宇 … 王书记说, 周秀兰 … 周阿婆: one 王 (周) in the article
                    m.anaphor = "@" + named[0]
        for name in sorted(full):
            given = name[1:]
            for start in _occurrences(given, self.text):
                if start > 0 and self.text[start - 1] == name[0]:
                    continue
                self.add(given, "Person", start, start + len(given), anaphor="@" + name)


def _leftmost_longest(ws, text: str) -> list[tuple[int, int]]:
    """The spans a leftmost-longest scan for the words ws finds in text, as a longest-first
    alternation would. When no two occurrences overlap that is every word's occurrences,
    merged: found with str.find, without building an automaton for a few names."""
    spans = sorted((s, s + len(w)) for w in ws for s in _occurrences(w, text))
    if all(e <= s for (_, e), (s, _) in zip(spans, spans[1:])):
        return spans
    return [(s, e) for _, s, e in automaton(ws).find_matches_as_indexes(text)]


def _occurrences(word: str, text: str):
    """Starts of the non-overlapping occurrences of word, left to right (re.finditer of the
    escaped word, without compiling a pattern per name)."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))
