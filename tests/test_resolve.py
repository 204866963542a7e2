"""Resolve: abbreviations qualified by the article's place, anaphora, merging across articles."""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Article
from kg.resolve import Resolver, place_level


@pytest.fixture(scope="module")
def pipeline():
    ex, res = Extractor(), Resolver()

    def run(pages):
        return res.resolve([[ex.extract(Article(src, i, title, body)) for i, (title, body) in enumerate(arts)]
                            for src, arts in pages])
    return run


def names(res, typ=None):
    return {e.name for e in res.entities.values() if not e.gazetteer and (typ is None or e.type == typ)}


def test_abbreviation_takes_the_district_of_the_article(pipeline):
    res = pipeline([
        ("a.txt", [("北关区加强基层党建", "区委组织部深入推进“头雁工程”。")]),
        ("b.txt", [("卫东区构建区域化党建新格局", "区委组织部印发实施方案。")]),
    ])
    orgs = names(res, "Organization")
    assert {"北关区委组织部", "卫东区委组织部"} <= orgs
    by_name = {e.name: e for e in res.entities.values()}
    assert "区委组织部" in by_name["北关区委组织部"].aliases
    located = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations
               if r.predicate == "locatedIn" and r.object in res.entities}
    assert ("北关区委组织部", "北关区") in located and ("卫东区委组织部", "卫东区") in located


def test_anaphor_resolves_for_relations_but_is_no_name(pipeline):
    res = pipeline([("a.txt", [("汝阳县发起“双月攻坚”脱贫决战", "汝阳县是国家级贫困县。该县持续开展“九个一走访”活动。")])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert ("汝阳县", "“九个一走访”活动") in runs or ("汝阳县", "九个一走访") in runs
    assert not any("该县" in e.aliases for e in res.entities.values())


def test_same_entity_across_articles_is_one_node(pipeline):
    res = pipeline([("a.txt", [("一", "北关区委组织部深入推进“头雁工程”。"), ("二", "北关区委组织部召开会议。")])])
    (org,) = [e for e in res.entities.values() if e.name == "北关区委组织部"]
    assert org.articles == {"a/0", "a/1"}


def test_places_link_to_the_gazetteer(pipeline):
    res = pipeline([("a.txt", [("北关区", "北关区民航路街道西见山村有个喜事。")])])
    (district,) = [e for e in res.entities.values() if e.name == "北关区"]
    assert district.code.startswith("410503")
    parents = {res.entities[r.object].name for r in res.relations if r.subject == district.key}
    assert parents == {"安阳市"}
    assert res.entities[next(r.object for r in res.relations if r.subject == district.key)].gazetteer


def test_abbreviation_with_no_place_in_view_is_dropped(pipeline):
    res = pipeline([("a.txt", [("汝阳县推进脱贫", "组织乡镇班子成员、村党支部书记到舞钢市实地参观学习。")])])
    assert not [n for n in names(res, "Organization") if "党支部" in n]


def test_a_community_met_in_an_article_about_its_district_qualifies_no_abbreviation(pipeline):
    # The headline names the district; one 社区 is met in passing: 社区党委 here is a kind of body.
    body = "近日,柳园社区居民王大妈说,服务很好。今年以来,该区全面推行社区党委联席会议制度,社区党委每月召开一次会议。"
    res = pipeline([("a.txt", [("红河区构建区域化党建新格局", body)])])
    assert not [n for n in names(res, "Organization") if n.endswith("社区党委")]
    # The same text about that 社区 (该社区), or without a headline place: that 社区's 党委.
    about = body.replace("该区", "该社区")
    for title, text in (("红河区构建区域化党建新格局", about), ("服务居民", body)):
        res = pipeline([("b.txt", [(title, text)])])
        assert "柳园社区党委" in names(res, "Organization"), title


def test_a_village_named_in_the_sentence_qualifies_its_bare_body(pipeline):
    # An article about a district names several villages; 村党支部 right after one of them, in
    # its sentence, is that village's, and 80后 (a generation) is no village 后村.
    body = ("今年以来,该区选派年轻干部到村任职。在石门镇青松岭村,80后村党支部书记赵志刚带领群众种植药材。"
            "在柳河镇白杨沟村,村党支部书记孙立平组织党员开展巡河。")
    res = pipeline([("a.txt", [("红河区培育村级带头人", body)])])
    orgs = names(res, "Organization")
    assert {"青松岭村党支部", "白杨沟村党支部"} <= orgs
    assert not [n for n in orgs if n.startswith("后村")]
    by_name = {e.name: k for k, e in res.entities.items()}
    located = {(r.subject, r.object) for r in res.relations if r.predicate == "locatedIn"}
    assert (by_name["青松岭村党支部"], by_name["青松岭村"]) in located
    posts = {(res.entities[p.person].name, res.entities[p.org].name) for p in res.positions}
    assert ("赵志刚", "青松岭村党支部") in posts and ("孙立平", "白杨沟村党支部") in posts


def test_a_division_named_like_a_phrase_is_a_place_only_near_its_city(pipeline):
    # 古城区 and 老城区 are districts of 丽江 and 洛阳, and everywhere "the old town"
    res = pipeline([("a.txt", [("苏州市姑苏区推进适老化改造", "姑苏区辖8个街道。古城区老旧小区多,老城区改造任务重。")])])
    assert not {"古城区", "老城区"} & names(res, "Place")
    res = pipeline([("b.txt", [("洛阳市老城区推进改造", "洛阳市老城区加快棚户区改造。")])])
    (old_town,) = [e for e in res.entities.values() if e.name == "老城区"]
    assert old_town.code.startswith("4103")


def _runs(res):
    return {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}


def test_the_place_or_body_right_before_a_quoted_program_runs_it(pipeline):
    body = ("9月18日,在石门镇青松岭村“爱心积分超市”,村民拿着积分卡兑换生活用品。"
            "示范田是该区“马铃薯良种繁育工程”的重要组成部分。"
            "在平江街道云锦社区“时间银行”服务站,志愿者刚刚送完午餐。")
    runs = _runs(pipeline([("a.txt", [("红河区推进乡村振兴", body)])]))
    assert ("青松岭村", "爱心积分超市") in runs
    assert ("红河区", "马铃薯良种繁育工程") in runs
    assert not [r for r in runs if r[0] == "云锦社区"]  # the quote begins the 服务站's name


def test_the_body_that_acts_is_the_antecedent_not_the_one_it_joins(pipeline):
    body = "9月7日,红河区市场监管局联合区教体局检查学校食堂。该局“守护舌尖安全”专项行动已覆盖全区。"
    runs = _runs(pipeline([("a.txt", [("红河区护航开学季", body)])]))
    assert ("红河区市场监管局", "“守护舌尖安全”专项行动") in runs
    assert not [r for r in runs if r[0] == "红河区教体局"]


def test_a_program_quoted_inside_a_quotation_is_the_same_program(pipeline):
    body = ("“长者食堂”是柳河街道今年打造的为老服务项目,由红河区乐康餐饮有限公司负责运营。"
            "“下一步,我们将再开设两处‘长者食堂’。”柳河街道党工委书记说。")
    res = pipeline([("a.txt", [("柳河街道 “长者食堂”让老人吃上热乎饭", body)])])
    assert [e.name for e in res.entities.values() if e.type == "Program"] == ["长者食堂"]
    runs = _runs(res)
    assert {("柳河街道", "长者食堂"), ("红河区乐康餐饮有限公司", "长者食堂")} <= runs


def test_one_quoted_name_with_different_heads_on_a_page_is_one_program(pipeline):
    body = "凤栖社区党委打造“邻里红管家”服务品牌,党员认领楼栋。如今,“邻里红管家”已覆盖全部小区。"
    res = pipeline([("a.txt", [("“邻里红管家”管好小区大小事", body)])])
    assert len([e for e in res.entities.values() if e.type == "Program"]) == 1


def test_a_quoted_program_shortened_in_the_headline_is_the_one_of_the_text(pipeline):
    body = "青松岭村将环境卫生等内容细化为积分指标。在青松岭村“爱心积分超市”,村民拿着积分卡兑换生活用品。"
    res = pipeline([("a.txt", [("“积分超市”换来文明新风", body)])])
    (program,) = [e for e in res.entities.values() if e.type == "Program"]
    assert program.name == "爱心积分超市" and "积分超市" in program.aliases


def test_a_bare_level_word_opening_a_clause_is_its_subject(pipeline):
    body = ("由于青松社区党员大都是退休人员,社区党委专门邀请志愿者上门培训。\n"
            "为学好“青松学习”平台推广使用工作,社区专门建立了学习管理员队伍和“青松学习分享”微信群,帮助党员有组织地学习。")
    runs = _runs(pipeline([("a.txt", [("青松社区党员学习有新招", body)])]))
    assert ("青松社区", "“青松学习分享”微信群") in runs
    assert ("青松社区党委", "“青松学习分享”微信群") not in runs  # the last sentence's subject


def test_a_place_name_cut_by_the_layout_is_an_alias(pipeline):
    res = pipeline([("a.txt", [("城东路街道开创新格局", "城东路街道出台方案。东路街道通过开展“在职党员进社区”活动服务群众。")])])
    (street,) = [e for e in res.entities.values() if e.name == "城东路街道"]
    assert "东路街道" in street.aliases
    assert "东路街道" not in names(res, "Place")


def _article(mentions, relations=()):
    from kg.model import ArticleExtraction, Mention, RelationMention

    return ArticleExtraction(Article("p.txt", 0, "", "正文"), [Mention(*m) for m in mentions],
                             [RelationMention(*r) for r in relations])


def test_an_anaphor_follows_the_latest_mention_even_when_names_repeat():
    # 北关区 … 卫东区 … 该区 (卫东区) … 北关区 … 该区 (北关区): mentions resolve once per article
    # and name, but 该X is resolved where it stands.
    ex = _article([
        ("北关区", "Place", 0, 3), ("卫东区", "Place", 5, 8), ("该区", "Place", 10, 12, "区"),
        ("北关区", "Place", 14, 17), ("该区", "Place", 19, 21, "区"),
        ("文化馆", "Organization", 22, 25), ("图书馆", "Organization", 26, 29),
    ], [("locatedIn", 5, 2, "一"), ("locatedIn", 6, 4, "二")])
    res = Resolver().resolve_page([ex])
    located = [(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations]
    assert located == [("文化馆", "卫东区"), ("图书馆", "北关区")]


def test_short_forms_keep_the_shortest_long_form_of_all_pairs():
    from kg.resolve import _short_forms, place_level

    orgs = ["人民调解中心", "北关区人民调解中心", "安阳市北关区人民调解中心", "卫东区调解中心", "调解中心"]
    places = ["城东路街道", "东路街道", "路街道", "新华社区", "华社区"]
    gaz = Resolver().gaz
    # The pairwise definition, over the same sets in the same order.
    want: dict[str, str] = {}
    org_set, place_set = set(orgs), set(places)
    for long in org_set:
        for short in org_set:
            if len(short) >= 4 and long != short and long.endswith(short) and place_level(long[:-len(short)]):
                if short not in want or len(long) < len(want[short]):
                    want[short] = long
    for long in place_set:
        for short in place_set:
            if len(short) >= 4 and len(long) == len(short) + 1 and long.endswith(short) \
                    and place_level(short) in ("街道", "社区") and not gaz.is_known(short):
                want[short] = long
    assert _short_forms(org_set, place_set, gaz) == want
    assert want["人民调解中心"] == "北关区人民调解中心" and want["东路街道"] == "城东路街道"


def test_a_body_abbreviated_is_the_one_written_in_full_on_the_page(pipeline):
    res = pipeline([("a.txt", [("医保服务站建到村口", "顺德区医疗保障局推进医保服务站建设。"
                                                  "今年,区医保局在全区建成服务站23个。")])])
    by_name = {e.name: e for e in res.entities.values() if e.type == "Organization"}
    assert "区医保局" in by_name["顺德区医疗保障局"].aliases
    assert not {n for n in by_name if "医保局" in n}


def test_an_abbreviation_takes_the_page_s_district_over_one_named_as_often(pipeline):
    res = pipeline([("a.txt", [("驿站温暖求职路", "宝安区人社局在宝安区各街道建成青年驿站5个。"),
                               ("园区当好店小二", "公司去年从福田区搬到园区。园区联合区人社局设立人才专窗,宝安区的企业都来咨询。")])])
    orgs = names(res, "Organization")
    assert "宝安区人社局" in orgs and not any(n.startswith("福田区") for n in orgs)


def test_a_body_named_with_its_town_s_name_without_the_level_is_the_town_s(pipeline):
    res = pipeline([("a.txt", [("商会建联盟", "由横扇镇商会牵头成立的横扇丝绸产业党建联盟召开会议。横扇商会会长周建国说,"
                                          "丝绸产业党建联盟已有成员31家。")])])
    orgs = {e.name: e for e in res.entities.values() if e.type == "Organization"}
    assert set(orgs) == {"横扇镇商会", "横扇丝绸产业党建联盟"}
    assert "横扇商会" in orgs["横扇镇商会"].aliases and "丝绸产业党建联盟" in orgs["横扇丝绸产业党建联盟"].aliases


def test_a_company_by_its_trade_name_is_the_registered_limited_liability_one(pipeline):
    res = pipeline([("a.txt", [("矿区复绿", "该旗联合伊金霍洛旗鑫旺煤炭有限责任公司等单位举办招聘会。鑫旺煤炭公司今年投入800万元。")])])
    (company,) = {n for n in names(res, "Organization") if "公司" in n}
    assert company == "伊金霍洛旗鑫旺煤炭有限责任公司"


def test_a_medical_consortium_by_its_short_names_is_one_body_that_runs_its_platform(pipeline):
    res = pipeline([("a.txt", [("县人民医院医共体让群众家门口看名医", "2021年,由县人民医院牵头,组建了咸丰县人民医院医疗共同体"
                                                  "(以下简称医共体)。医共体还搭建了“云上会诊”远程诊疗平台。")])])
    orgs = {e.name: e for e in res.entities.values() if e.type == "Organization"}
    assert "县人民医院医共体" in orgs["咸丰县人民医院医疗共同体"].aliases
    assert not any(n.endswith("医共体") for n in orgs)
    assert {(r.subject, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"} == {
        ("Organization/咸丰县人民医院医疗共同体", "“云上会诊”远程诊疗平台")}


def test_a_bare_team_joined_to_a_branch_runs_what_they_set_up_together(pipeline):
    res = pipeline([("a.txt", [("积分超市", "县民政局选派干部组成石门村驻村工作队。为激发内生动力,村党支部和驻村工作队"
                                        "在村委会设立了“爱心积分超市”,村民可凭积分兑换物品。")])])
    runners = {res.entities[r.subject].name for r in res.relations if r.predicate == "runs"}
    assert runners == {"石门村党支部", "石门村驻村工作队"}


def test_a_national_administration_s_local_bureau_is_one_body_under_its_short_names(pipeline):
    res = pipeline([("a.txt", [("税惠直通车开进园区", "今年以来,国家税务总局沈阳市铁西区税务局推出“税惠直通车”服务。"
                                              "区税务局还开通了“铁西税务”微信公众号。")])])
    orgs = {e.name: e for e in res.entities.values() if e.type == "Organization"}
    assert list(orgs) == ["国家税务总局沈阳市铁西区税务局"]
    assert {"区税务局", "铁西区税务局"} <= orgs["国家税务总局沈阳市铁西区税务局"].aliases
    assert {r.subject for r in res.relations if r.predicate == "runs"} == {"Organization/国家税务总局沈阳市铁西区税务局"}


def test_a_team_named_again_from_the_county_it_serves_is_the_same_team(pipeline):
    res = pipeline([("a.txt", [("帮扶", "天津市第五批援甘干部人才临潭联络组投入资金300万元。"
                                        "临潭联络组还实施了“津临同心”项目。")])])
    teams = {e.name: e for e in res.entities.values() if e.name.endswith("联络组")}
    assert list(teams) == ["天津市第五批援甘干部人才临潭联络组"]
    assert "临潭联络组" in teams["天津市第五批援甘干部人才临潭联络组"].aliases


def test_a_company_named_by_its_trade_name_is_the_registered_one(pipeline):
    res = pipeline([("a.txt", [("车间旁有了职工之家", "走进佛山市顺德区铝捷型材有限公司的车间。铝捷公司有员工620多人,"
                                                    "铝捷型材公司今年扩产。")])])
    (company,) = {n for n in names(res, "Organization") if "公司" in n}
    assert company.endswith("顺德区铝捷型材有限公司")


def test_a_head_alone_opening_a_clause_is_the_body_last_named_with_it(pipeline):
    res = pipeline([("a.txt", [("文明实践站成了老人的客厅", "青石社区新时代文明实践站联合辖区中学开设“银龄课堂”。"
                                                    "除此以外,实践站还开设了“周末课堂”等服务项目。")])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert ("青石社区新时代文明实践站", "“周末课堂”") in {(s, o if o.startswith("“") else f"“{o}”") for s, o in runs}
    assert "实践站" not in names(res, "Organization")


@pytest.mark.parametrize("name, level", [("渝中区", "区"), ("大坪片区", "片区"), ("凤屿小区", "小区"),
                                         ("浦江水晶产业园区", "园区"), ("中原高新区", "高新区"),
                                         ("滨海新区", "区"), ("安顺楼院", "楼院"),  # a 新区 is its district (滨海新区委)
                                         ("董家口经济区", "经济区")])
def test_the_level_a_bare_level_word_means(name, level):
    # 区应急管理局 takes the article's 区: a 片区 or 园区 is none
    assert place_level(name) == level


def test_a_head_alone_before_a_title_is_the_body_named_before(pipeline):
    res = pipeline([("a.txt", [("五金企业订单足", "走进兰溪市恒锁五金制品有限公司的车间。公司总经理陈伟强说,订单排到了明年。")])])
    posts = {(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions}
    assert ("陈伟强", "兰溪市恒锁五金制品有限公司", "总经理") in posts
    assert "公司" not in names(res, "Organization")  # the head alone names no body of its own


def test_an_association_alone_opening_a_clause_is_the_one_named_before(pipeline):
    body = "大理市民宿行业协会也出了不少力。协会会长赵金鹏介绍,协会今年启动“苍洱好客”服务提升计划,组织会员客栈开发体验项目。"
    runs = _runs(pipeline([("a.txt", [("民宿协会出了力", body)])]))
    assert ("大理市民宿行业协会", "“苍洱好客”服务提升计划") in runs


def test_a_village_committee_named_by_its_head_is_in_the_village(pipeline):
    body = "槐树岭村地处深山。“山里人守着石头过日子。”村党支部书记、村委会主任李国栋说。"
    res = pipeline([("a.txt", [("石头缝里种出致富果", body)])])
    located = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations
               if r.predicate == "locatedIn"}
    assert {("槐树岭村村委会", "槐树岭村"), ("槐树岭村党支部", "槐树岭村")} <= located


def test_a_team_alone_opening_a_clause_is_the_one_named_before(pipeline):
    body = ("河北省水利厅驻兴隆湾村工作队队长李明说,钱怎么花由村民说了算。2021年以来,河北省水利厅先后选派三批干部驻村帮扶。"
            "工作队进村后,探索推行“光伏收益+公益岗位”模式。")
    runs = _runs(pipeline([("a.txt", [("光伏板下长出新产业", body)])]))
    assert runs == {("河北省水利厅驻兴隆湾村工作队", "“光伏收益+公益岗位”模式")}


@pytest.mark.parametrize("body, post", [
    ("丰禾社区银发先锋志愿服务队成立于2019年。“天冷路滑。”志愿服务队队长、退休工人高建国说。",
     ("高建国", "丰禾社区银发先锋志愿服务队", "队长")),  # a bare head's post, then a role
    ("江孜县自然资源局驻孜岗村工作队进村三年。驻村工作队队长李建军来自四川。",
     ("李建军", "江孜县自然资源局驻孜岗村工作队", "队长")),  # 驻村|工作队: the team named before
    ("工作队进驻金寨县花石乡石门村已有三年。“红色故事要讲好。”工作队队长、驻村第一书记周启航说。",
     ("周启航", "石门村", "驻村第一书记")),
])
def test_posts_of_teams_and_their_villages(pipeline, body, post):
    res = pipeline([("a.txt", [("工作队进村", body)])])
    posts = {(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions}
    assert post in posts


def test_a_grade_of_civil_servant_is_a_title(pipeline):
    body = "“玄武书房”由玄武区文化和旅游局统筹建设。据该局一级调研员杜晓芸介绍,每家书房藏书不少于5000册。"
    res = pipeline([("a.txt", [("城市书房又添新店", body)])])
    posts = {(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions}
    assert ("杜晓芸", "玄武区文化和旅游局", "一级调研员") in posts


def test_an_autonomous_county_without_its_peoples_is_the_same_county(pipeline):
    res = pipeline([("a.txt", [("松桃苗族自治县推进搬迁安置", "松桃苗族自治县辖大兴街道。今年以来,松桃自治县新增就业520人。"
                                                   "县委组织部选派干部驻村。")])])
    (county,) = [e for e in res.entities.values() if e.type == "Place" and e.code == "520628"]
    assert county.name == "松桃苗族自治县" and "松桃自治县" in county.aliases
    assert "松桃苗族自治县委组织部" in names(res, "Organization")  # 县委 of an autonomous county


def test_an_autonomous_prefecture_by_its_short_name_and_its_abbreviated_bodies(pipeline):
    res = pipeline([("a.txt", [("凉山州推进“一村一幼”", "凉山州委、州政府在全州启动“一村一幼”计划。州委组织部负责督导。")])])
    (pref,) = [e for e in res.entities.values() if e.type == "Place" and e.code == "513400"]
    assert pref.name == "凉山彝族自治州" and "凉山州" in pref.aliases
    assert {"凉山彝族自治州委", "凉山彝族自治州政府", "凉山彝族自治州委组织部"} <= names(res, "Organization")


def test_a_residents_committee_named_alone_in_a_post_is_its_community_s(pipeline):
    res = pipeline([("a.txt", [("小院议事", "锦华社区党委书记、居委会主任刘春燕告诉记者,议事会每月一次。")])])
    posts = {(res.entities[p.person].name, res.entities[p.org].name) for p in res.positions}
    assert ("刘春燕", "锦华社区居委会") in posts


def test_a_village_committee_is_named_with_the_whole_village_name(pipeline):
    res = pipeline([("a.txt", [("南坡村", "南坡村党支部书记兼村委会主任王守田介绍,合作社去年分红。")])])
    (committee,) = [e for e in res.entities.values() if e.name.endswith("委会")]
    assert committee.name == "南坡村村委会" and "南坡村委会" in committee.aliases


def test_a_head_title_alone_is_the_head_of_the_team_last_named(pipeline):
    res = pipeline([("a.txt", [("红马甲", "青石巷社区“银杏红马甲”志愿服务队成立于2019年,现有队员58名。"
                                         "队长柯春梅今年70岁,退休前是一名小学老师。")])])
    posts = {(res.entities[p.person].name, p.title, res.entities[p.org].name) for p in res.positions}
    assert ("柯春梅", "队长", "青石巷社区“银杏红马甲”志愿服务队") in posts


def test_a_new_area_s_bodies_and_the_body_that_acts(pipeline):
    res = pipeline([("a.txt", [("就业驿站建到家门口",
                                "滨海新区人力资源和社会保障局(以下简称区人社局)围绕稳就业、促增收,在全区推广“家门口”就业驿站。"
                                "区委社会工作部相关负责人表示,将在全区推广。")])])
    orgs = names(res, "Organization")
    assert {"滨海新区人力资源和社会保障局", "滨海新区委社会工作部"} <= orgs and "区人社局" not in orgs
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert ("滨海新区人力资源和社会保障局", "“家门口”就业驿站") in runs  # the body, not the district its name begins with


def test_a_province_or_city_by_its_short_name_alone_is_the_division(pipeline):
    res = pipeline([("a.txt", [("车间建到家门口", "电子屏上滚动发布着深圳、广州等地企业的招聘信息。“以前在广东打工,孩子没人管。”"
                                             "来自哈尔滨的游客说。福建省泉州市的企业来了,同心滩羊进入福建市场,产品销往福建、浙江等地。")])])
    by_name = {e.name: e for e in res.entities.values() if not e.gazetteer}
    for full, short in (("深圳市", "深圳"), ("广州市", "广州"), ("广东省", "广东"), ("哈尔滨市", "哈尔滨"), ("福建省", "福建")):
        assert short in by_name[full].aliases
    assert "福建" not in by_name  # one province, however it is written


def test_a_farm_and_its_head(pipeline):
    res = pipeline([("a.txt", [("林场迎客", "二井镇青山林场的雪场开板迎客。“现在成了最忙的季节。”场长赵铁军说。")])])
    posts = {(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions}
    assert any(person == "赵铁军" and org.endswith("青山林场") and title == "场长" for person, org, title in posts)


def test_an_abbreviation_in_an_article_naming_no_city_takes_the_page_s_city(pipeline):
    res = pipeline([("a.txt", [("北安市黑土地保护见成效", "北安市今年建成黑土地保护示范区。北安市农业农村局推广秸秆还田。"),
                               ("市委组织部 “田间课堂”开进村屯", "近日,市委组织部在杨家乡开设“田间课堂”。")])])
    assert "北安市委组织部" in names(res, "Organization")
    # a city the page names once (参观舞钢市) is not the page's own
    res = pipeline([("b.txt", [("学习归来", "组织村党支部书记到舞钢市参观学习。"), ("送温暖", "在市残联的支持下,社区送上棉被。")])])
    assert "舞钢市残联" not in names(res, "Organization")


def test_a_short_form_the_text_declares_is_an_alias(pipeline):
    res = pipeline([("a.txt", [("文化惠民", "延吉市文化广播电视和旅游局(以下简称市文广旅局)深入实施惠民工程。"
                                         "市文广旅局相关负责人表示,今年将演出120场。")])])
    orgs = names(res, "Organization")
    assert "延吉市文化广播电视和旅游局" in orgs and not {o for o in orgs if "文广旅局" in o}
    (bureau,) = [e for e in res.entities.values() if e.name == "延吉市文化广播电视和旅游局"]
    assert "市文广旅局" in bureau.aliases


def test_gai_xiao_is_the_school_last_named(pipeline):
    res = pipeline([("a.txt", [("议事课堂开进社区", "长宁区华阳小学开设了议事课堂。杭静是该校德育主任,也是课堂的发起人之一。")])])
    ((person, org, title),) = [(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions]
    assert (person, org, title) == ("杭静", "长宁区华阳小学", "德育主任")


def _posts(res):
    return {(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions}


@pytest.mark.parametrize("body, post", [
    # a head's title alone opening its clause: the head of the latest body of that kind
    ("在位于开发区的南京恒锐智能装备有限公司,董事长周立新指着车间对记者说,订单排满了。",
     ("周立新", "南京恒锐智能装备有限公司", "董事长")),
    ("牧民成立了锡林浩特市萨如拉图雅肉羊养殖专业合作社。据合作社理事长阿拉坦仓介绍,合作社吸纳牧户63户。",
     ("阿拉坦仓", "锡林浩特市萨如拉图雅肉羊养殖专业合作社", "理事长")),
    ("柯桥区人民法院平水人民法庭受理了这起纠纷。庭长金慧说,纠纷当天就化解了。",
     ("金慧", "柯桥区人民法院平水人民法庭", "庭长")),
    ("兴坪镇九年一贯制学校开设了扎染课。副校长覃国庆介绍,参与率达98%。",
     ("覃国庆", "兴坪镇九年一贯制学校", "副校长")),
])
def test_a_head_s_title_alone_is_a_post_in_the_body_last_named_of_its_kind(pipeline, body, post):
    assert post in _posts(pipeline([("a.txt", [("标题", body)])]))


def test_an_inner_mongolian_township_is_what_its_anaphor_and_bare_head_stand_for(pipeline):
    body = ("盛夏时节,锡林浩特市朝克乌拉苏木的草场上,牧草已没过脚踝。今年以来,该苏木以“以草定畜”精准核载行动为抓手,"
            "逐户核定载畜量。在哈登呼舒嘎查,苏木开办了“草原牧民夜校”。朝克乌拉苏木党委书记孟和巴雅尔表示,苏木将继续推进。")
    res = pipeline([("a.txt", [("草畜平衡算细账", body)])])
    runs = _runs(res)
    assert {("朝克乌拉苏木", "“以草定畜”精准核载行动"), ("朝克乌拉苏木", "草原牧民夜校")} <= runs
    assert "苏木党委" not in names(res, "Organization")


def test_the_court_is_what_gai_ting_stands_for(pipeline):
    body = "柯桥区人民法院平水人民法庭受理了纠纷。该庭为此在采茶季推出“茶园巡回审判”活动,把庭审搬到茶山上。"
    runs = _runs(pipeline([("a.txt", [("标题", body)])]))
    assert [s for s, o in runs if "茶园巡回审判" in o] == ["柯桥区人民法院平水人民法庭"]


@pytest.mark.parametrize("body, run", [
    # 该公司, 该合作社, 该居委会: the body last named with that head (no level of a place)
    ("福建汀江绿源林业发展有限公司是首批参与的企业。该公司启动“汀江碳汇林”项目。",
     ("福建汀江绿源林业发展有限公司", "“汀江碳汇林”项目")),
    ("牧民成立了锡林浩特市萨如拉图雅肉羊养殖专业合作社。该合作社推出“嘎查+合作社+牧户”联营模式。",
     ("锡林浩特市萨如拉图雅肉羊养殖专业合作社", "“嘎查+合作社+牧户”联营模式")),
    # a bare 学校 opening a clause: the school last named, whatever its head (小学)
    ("福利镇中心小学地处山区。该校校长黄志刚介绍,学校推行“一生一导师”制度。",
     ("福利镇中心小学", "“一生一导师”制度")),
])
def test_an_anaphor_or_bare_head_of_a_body_runs_what_it_runs(pipeline, body, run):
    assert run in _runs(pipeline([("a.txt", [("标题", body)])]))


def test_a_bureau_abbreviated_on_a_page_of_an_autonomous_county_is_the_one_written_in_full(pipeline):
    body = "互助县人力资源和社会保障局今年启动“土乡工匠”技能提升行动。县人社局相关负责人介绍,已培训绣娘600人次。"
    res = pipeline([("a.txt", [("互助土族自治县 盘绣出山", body)])])
    assert len({n for n in names(res, "Organization") if "人" in n}) == 1


def test_a_body_s_anaphor_sited_at_a_village_puts_the_body_there(pipeline):
    body = "江孜县吉祥粮丰青稞种植专业合作社统一经营这片田。该合作社位于年堆乡甲布岗村,已吸纳社员136户。"
    res = pipeline([("a.txt", [("标题", body)])])
    located = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations
               if r.predicate == "locatedIn"}
    assert ("江孜县吉祥粮丰青稞种植专业合作社", "甲布岗村") in located


@pytest.mark.parametrize("body, short", [
    # a body named without the body it belongs to is the one named with it
    ("柯桥区人民法院平水人民法庭受理了纠纷。平水人民法庭启动诉前调解程序。", "平水人民法庭"),
    # a company's party branch named by the company's trade name is the registered company's
    ("南京恒锐智能装备有限公司党支部成立于2019年。恒锐智能党支部联合公司工会举办技能比武。", "恒锐智能党支部"),
])
def test_a_body_named_short_in_its_article_is_the_one_named_in_full(pipeline, body, short):
    assert short not in names(pipeline([("a.txt", [("标题", body)])]), "Organization")


def test_the_hospital_a_consortium_is_named_after_is_the_county_s(pipeline):
    res = pipeline([("a.txt", [("英山县推进医共体建设", "英山县人民医院院长陈建国说,总院对分院统一管理。"),
                               ("图说新闻", "6月8日,县人民医院医共体专家团队走进红山镇卫生院义诊。")])])
    assert {n for n in names(res, "Organization") if "人民医院" in n} == {"英山县人民医院", "英山县人民医院医共体"}


def test_who_said_it_named_after_the_quotation_holds_the_post_written_after_the_name(pipeline):
    body = "“在家门口就能挣钱。”说这话的是刘红梅,金寨县红源服饰有限公司车间主任。"
    assert ("刘红梅", "金寨县红源服饰有限公司", "车间主任") in _posts(pipeline([("a.txt", [("标题", body)])]))


@pytest.mark.parametrize("body, post", [
    ("南京恒锐智能装备有限公司成立于2010年。恒锐智能总装车间主任马俊峰说,订单排满了。",
     ("马俊峰", "南京恒锐智能装备有限公司", "总装车间主任")),
    ("勐海勐象茶业有限公司与合作社签了协议。“鲜叶来源可追溯。”勐象茶业总经理玉应罕说。",
     ("玉应罕", "勐海勐象茶业有限公司", "总经理")),
])
def test_a_company_named_again_by_its_trade_name_is_the_registered_one(pipeline, body, post):
    res = pipeline([("a.txt", [("标题", body)])])
    assert post in _posts(res)
    assert not {n for n in names(res, "Organization") if not n.endswith("公司")}


def test_a_place_s_name_is_no_trade_name(pipeline):
    body = "连南瑶族自治县恒泰物业服务有限公司成立了。连南瑶族自治县辖香坪镇等7个镇。"
    assert names(pipeline([("a.txt", [("标题", body)])]), "Organization") == {"连南瑶族自治县恒泰物业服务有限公司"}


def test_a_town_s_head_after_ju_holds_the_town_s_post(pipeline):
    body = "永乐镇推进村集体经济发展。据镇长韦明华介绍,截至9月底,全镇8个村集体经济收入全部超过10万元。"
    assert ("韦明华", "永乐镇", "镇长") in _posts(pipeline([("a.txt", [("标题", body)])]))


def test_gai_yuan_and_a_title_is_a_post_in_the_court_or_procuratorate_last_named(pipeline):
    body = "柯桥区人民检察院开展公益诉讼。“支持起诉不是替当事人打官司。”该院副检察长陆文杰表示,该院还将设立服务窗口。"
    assert ("陆文杰", "柯桥区人民检察院", "副检察长") in _posts(pipeline([("a.txt", [("标题", body)])]))


def test_a_company_by_its_trade_name_in_another_article_of_the_page_is_the_registered_one(pipeline):
    res = pipeline([("a.txt", [("佛山企业扎根郎德镇", "佛山市禾丰农业科技有限公司在郎德镇建起蔬菜基地。"),
                               ("田间课堂开课", "禾丰公司派出4名技术员常驻基地,全程指导。")])])
    assert {n for n in names(res, "Organization") if "禾丰" in n} == {"佛山市禾丰农业科技有限公司"}


def test_a_body_of_a_compound_named_by_its_head_alone_is_no_body(pipeline):
    res = pipeline([("a.txt", [("党建网格", "社区建立网格党支部、楼院党小组。工农街道安顺楼院成立了楼院党小组。")])])
    assert "安顺楼院" in names(res, "Place")
    assert "楼院党小组" not in names(res, "Organization")


def test_an_anaphor_is_not_the_body_named_after_it_in_its_sentence(pipeline):
    res = pipeline([("a.txt", [("茶产业", "今年1月,由县农业农村局牵头成立了茶产业发展联盟。今年,该局还将实施“万亩茶园提质增效”项目,"
                                         "并联合县市场监督管理局开展茶叶质量安全抽检。")])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert any(s.endswith("农业农村局") and "万亩茶园" in o for s, o in runs)
    assert not any(s.endswith("市场监督管理局") for s, _ in runs)


def test_a_one_character_county_keeps_its_level_before_its_committee_and_government(pipeline):
    res = pipeline([("a.txt", [("新县", "新县地处大别山腹地。县委组织部选派第一书记。县民政局开展慰问。县政府出台办法。")])])
    orgs = names(res, "Organization")
    assert {"新县县委组织部", "新县民政局", "新县县政府"} <= orgs
    assert "新县委组织部" not in orgs


@pytest.mark.parametrize("body, body_name, program", [
    ("区里成立了城东区民族团结进步创建工作领导小组。领导小组建立了“月调度、季观摩”工作机制。",
     "城东区民族团结进步创建工作领导小组", "月调度、季观摩"),
    ("今年3月,工农街道成立了工农街道红色物业联盟。联盟还推出了“红色积分”激励机制。",
     "工农街道红色物业联盟", "红色积分"),
])
def test_a_leading_group_or_an_alliance_acts_by_its_head_alone(pipeline, body, body_name, program):
    res = pipeline([("a.txt", [("标题", body)])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert any(s == body_name and program in o for s, o in runs), runs


def test_the_lead_body_acts_with_those_it_joins_in_the_next_clause(pipeline):
    res = pipeline([("a.txt", [("渔民上岸", "夷陵区加强长江保护。为让退捕渔民上得了岸,区农业农村局牵头,"
                                         "联合区人社局、区民政局开展“渔民上岸·就业护航”专项行动。")])])
    runs = {res.entities[r.subject].name for r in res.relations if r.predicate == "runs"}
    assert runs == {"夷陵区农业农村局", "夷陵区人社局", "夷陵区民政局"}


def test_a_program_taken_as_the_main_means_is_run(pipeline):
    res = pipeline([("a.txt", [("项目攻坚", "今年以来,董家口经济区管委会以“项目攻坚年”活动为总抓手,推动项目建设。")])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert ("董家口经济区管委会", "“项目攻坚年”活动") in runs


def test_a_body_made_by_another_is_the_subject_of_the_clauses_after(pipeline):
    res = pipeline([("a.txt", [("红色故事", "为讲好红色故事,由县文化广电和旅游局牵头成立的新县红色故事讲解员协会,"
                                         "常年开展“红色故事大家讲”宣讲活动。")])])
    runs = {res.entities[r.subject].name for r in res.relations if r.predicate == "runs"}
    assert runs == {"新县红色故事讲解员协会"}


def test_a_quoted_program_one_of_whose_events_is_reported(pipeline):
    res = pipeline([("a.txt", [("音乐季", "由新县文化广电和旅游局、千斤乡人民政府联合主办的“大别山乡村音乐季”首场演出"
                                         "在千斤乡桂花岭村举行。")])])
    runs = {(res.entities[r.subject].name, res.entities[r.object].name) for r in res.relations if r.predicate == "runs"}
    assert runs == {("新县文化广电和旅游局", "大别山乡村音乐季"), ("千斤乡人民政府", "大别山乡村音乐季")}


def test_a_member_of_the_team_last_named(pipeline):
    res = pipeline([("a.txt", [("银发先锋", "丰禾社区组建了丰禾社区银发先锋志愿服务队。队员王秀芝今年70岁了。"
                                        "“我们讲好故事。”王秀芝说。")])])
    posts = {(res.entities[p.person].name, res.entities[p.org].name, p.title) for p in res.positions}
    assert posts == {("王秀芝", "丰禾社区银发先锋志愿服务队", "队员")}


@pytest.mark.parametrize("body, post", [
    # a level's deputy: a seat in that level's people's congress, as 政协委员 one in its 政协
    ("江苏省苏州市吴中区召开座谈会。参加座谈的区人大代表、苏州安澜电子有限公司总经理桂明远说,企业愿意出力。",
     ("桂明远", "吴中区人大", "人大代表")),
    ("甘肃省定西市安定区召开座谈会。安定区人大代表、福台村党支部书记柴秀英说,路修好了。",
     ("柴秀英", "安定区人大", "人大代表")),
    # the place before the body opens the chain: 区人大代表、[街道][社区党委]副书记
    ("江苏省苏州市吴中区的停车难题引起了区人大代表、长桥街道新家社区党委副书记葛婉清的重视。",
     ("葛婉清", "吴中区人大", "人大代表")),
])
def test_a_deputy_holds_a_seat_in_the_people_s_congress_of_the_level(pipeline, body, post):
    assert post in _posts(pipeline([("a.txt", [("标题", body)])]))


def test_a_seat_written_before_a_list_is_each_name_s_but_a_head_s_post_is_one_s(pipeline):
    body = ("湖南省湘西州泸溪县召开会议。县人大代表宁晓梅、卓立群先后3次到现场察看。"
            "县委书记廖振华、县长杭春燕、施德明出席会议。")
    posts = _posts(pipeline([("a.txt", [("标题", body)])]))
    assert {p for p in posts if p[2] == "人大代表"} == {("宁晓梅", "泸溪县人大", "人大代表"), ("卓立群", "泸溪县人大", "人大代表")}
    # the county's head after its committee's secretary: the county's, not the committee's
    assert ("杭春燕", "泸溪县", "县长") in posts and ("杭春燕", "泸溪县委", "县长") not in posts
    assert not any(p[0] == "施德明" for p in posts)


def test_a_community_has_no_people_s_congress(pipeline):
    body = "江苏省苏州市吴中区长桥街道新家社区人大代表联络站开放。新家社区居民代表胡立平说,方便多了。"
    assert not any(p[1].endswith("人大") for p in _posts(pipeline([("a.txt", [("标题", body)])])))


def test_a_company_s_branch_written_with_its_bare_head_and_its_shortened_trade_name(pipeline):
    body = ("江西省赣州市兴国县。兴国县绿源电子商务有限公司去年销售额过亿。2023年,该公司成立了党支部,"
            "公司党支部书记、董事长邬晓岚带头直播。绿源电商公司党支部还推出“党员示范直播间”。")
    res = pipeline([("a.txt", [("标题", body)])])
    assert ("邬晓岚", "兴国县绿源电子商务有限公司党支部", "党支部书记") in _posts(res)
    assert ("兴国县绿源电子商务有限公司党支部", "党员示范直播间") in _runs(res)
    assert not {"绿源电商公司", "绿源电商公司党支部"} & names(res, "Organization")


@pytest.mark.parametrize("body, run", [
    ("湖北省恩施州来凤县石板溪村举办首届“土家山寨村晚”。这台村晚由该村党支部牵头筹办,节目全部由村民自编自演。",
     ("石板溪村党支部", "土家山寨村晚")),
    ("上海市徐汇区枫林街道举办“邻里一家亲”睦邻节活动。睦邻节由枫林街道党工委与辖区上海衡川文化发展有限公司党支部共同主办。",
     ("上海衡川文化发展有限公司党支部", "“邻里一家亲”睦邻节活动")),
])
def test_a_word_of_a_program_s_name_standing_for_it_before_by_whom(pipeline, body, run):
    assert run in _runs(pipeline([("a.txt", [("标题", body)])]))


def test_a_department_of_a_body_is_a_body_but_a_section_s_head_is_the_body_s(pipeline):
    body = ("山东省青岛市黄岛区中德生态园管委会经济发展部部长卢振华介绍,项目已开工。"
            "区市场监管局食品安全科科长邵一帆说,抽检全部合格。")
    posts = _posts(pipeline([("a.txt", [("标题", body)])]))
    assert ("卢振华", "黄岛区中德生态园管委会经济发展部", "部长") in posts
    assert any(p[0] == "邵一帆" and p[1] == "黄岛区市场监管局" for p in posts)


def test_a_cooperative_or_farm_named_again_by_its_trade_name_is_the_one_named_in_full(pipeline):
    body = ("贵州省毕节市威宁县雪山镇。雪山镇丰源马铃薯种植专业合作社成立于2020年。丰源合作社理事长龙明贵说,订单多了。"
            "雪山镇鹿鸣家庭农场今年扩种。鹿鸣农场农场主骆青阳说,好。雪山镇禾丰养殖专业合作社也在扩建。")
    res = pipeline([("a.txt", [("标题", body)])])
    orgs = names(res, "Organization")
    assert {"丰源合作社", "鹿鸣农场"}.isdisjoint(orgs)
    assert ("龙明贵", "雪山镇丰源马铃薯种植专业合作社", "理事长") in _posts(res)
    assert "骆青阳" in names(res, "Person")  # 农场主: a role before a name
    assert "雪山镇禾丰养殖专业合作社" in orgs  # another cooperative of the town stays apart


def test_a_business_district_s_committee_written_without_its_name_is_the_one_named(pipeline):
    body = ("浙江省宁波市鄞州区首南街道宁南里商圈党委成立于2022年。商圈党委书记邝文澜介绍,"
            "商圈党委推出“骑手议事会”机制。")
    res = pipeline([("a.txt", [("标题", body)])])
    assert ("宁南里商圈党委", "“骑手议事会”机制") in _runs(res) or ("宁南里商圈党委", "骑手议事会") in _runs(res)
    assert "商圈党委" not in names(res, "Organization")


@pytest.mark.parametrize("body, post", [
    ("天津市河西区友谊路街道。“一栋楼住着,就该相互照应。”绿岛社区楼门长、退休工程师欧阳振邦说。",
     ("欧阳振邦", "绿岛社区", "楼门长")),  # the head of a building's entrance (Tianjin)
    ("吉林省长春市九台区上河湾镇鹿鸣家庭农场今年经营水田680亩。农场主骆春晖说,收成好。",
     ("骆春晖", "上河湾镇鹿鸣家庭农场", "农场主")),  # a farm's owner alone: the farm last named
])
def test_building_heads_and_farm_owners(pipeline, body, post):
    assert post in _posts(pipeline([("a.txt", [("标题", body)])]))


def test_a_liaison_station_and_a_farm_named_again_in_short_across_the_page(pipeline):
    first = ("天津市河西区越秀路街道人大代表联络站里座无虚席。当天是联络站的接待日。联络站推出“代表有约”接待活动。"
             "吉林省长春市九台区上河湾镇鹿鸣家庭农场今年扩种,其塔木镇丰禾农机专业合作社负责托管。")
    second = "在上河湾镇,像鹿鸣家庭农场这样的新型经营主体越来越多。丰禾农机合作社现有拖拉机40台。"
    res = pipeline([("a.txt", [("联络站", first), ("家庭农场", second)])])
    orgs = names(res, "Organization")
    assert not {"联络站", "鹿鸣家庭农场", "丰禾农机合作社"} & orgs
    assert ("越秀路街道人大代表联络站", "“代表有约”接待活动") in _runs(res)


def test_this_district_after_a_zone_named_last_is_the_zone(pipeline):
    body = ("湖南省长沙市岳麓区。长沙高新技术产业开发区(以下简称长沙高新区)瞄准集成电路产业链精准发力。"
            "该区实施“链主领航”计划,由链主企业牵头带动上下游企业协同攻关。")
    runs = _runs(pipeline([("a.txt", [("标题", body)])]))
    assert {r[0] for r in runs if r[1] == "“链主领航”计划"} == {"长沙高新区"}  # (the name the text declared)


def test_a_place_s_body_is_who_acts_not_the_place(pipeline):
    body = ("湖南省长沙市岳麓区观沙岭街道。观沙岭街道的银杏志愿服务队在江岸社区开展“银龄暖心”义诊义剪活动,"
            "为60余名老人提供服务。")
    runs = _runs(pipeline([("a.txt", [("标题", body)])]))
    assert {r[0] for r in runs} == {"银杏志愿服务队"}


def test_the_body_a_subject_joins_before_a_clause_of_where_acts_with_it(pipeline):
    body = ("湖南省长沙市岳麓区观沙岭街道。观沙岭街道的银杏志愿服务队联合湖南师范大学青年志愿者协会,"
            "在该街道江岸社区开展“银龄暖心”义诊义剪活动。")
    runs = _runs(pipeline([("a.txt", [("标题", body)])]))
    assert {r[0] for r in runs} == {"银杏志愿服务队", "湖南师范大学青年志愿者协会"}


def test_a_grid_worker_is_a_post_of_the_community_last_named_not_of_its_estate(pipeline):
    body = ("青海省西宁市城东区建国路社区是多民族聚居社区。每天上午9点,网格员索南卓玛都会准时出现在岷江苑小区。"
            "“以前靠跑腿。”和索南卓玛搭档的网格员罗晓红说。")
    posts = _posts(pipeline([("a.txt", [("标题", body)])]))
    assert {("索南卓玛", "建国路社区", "网格员"), ("罗晓红", "建国路社区", "网格员")} <= posts


def test_a_head_s_title_after_de_is_the_head_of_the_team_last_named(pipeline):
    body = ("湖北省宜昌市夷陵区黄柏河守护者志愿服务队成立于2019年。“一开始就是看不惯河边脏乱。”"
            "68岁的队长柯玉梅是一名退休教师。")
    assert ("柯玉梅", "夷陵区黄柏河守护者志愿服务队", "队长") in _posts(pipeline([("a.txt", [("标题", body)])]))


def test_an_aid_team_s_group_in_a_district_and_what_it_runs_with_a_centre(pipeline):
    body = ("宁夏固原市原州区。“牛好不好,关键看品种。”泉州市援宁工作队原州区工作组组长柯锦明介绍,"
            "工作组联合区畜牧水产技术推广服务中心实施肉牛良种繁育计划。")
    res = pipeline([("a.txt", [("标题", body)])])
    assert ("柯锦明", "泉州市援宁工作队原州区工作组", "组长") in _posts(res)
    assert ("原州区畜牧水产技术推广服务中心", "肉牛良种繁育计划") in _runs(res)
    assert "原州区工作组" not in names(res, "Organization")
