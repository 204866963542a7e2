"""Ingest: decoding, layout breaks, article split, bylines."""
from __future__ import annotations

import pytest

from kg.ingest import parse_page, read_page
from kg.ingest.byline import credit_line, split_lead, split_trailing, start_byline
from kg.ingest.decode import DecodeError, decode_bytes
from kg.ingest.layout import paragraphs, rejoin

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_word_split_by_layout_is_rejoined():
    text = ("为建立一支贯彻执行政策能力强、推动科学发展能力强、处理复杂问\n\n"
            "题能力强、联系服务群众能力强的基层党组织书记队伍,北关区委多措并举。\n\n")
    assert rejoin(paragraphs(text)) == [
        "为建立一支贯彻执行政策能力强、推动科学发展能力强、处理复杂问题能力强、联系服务群众能力强的基层党组织书记队伍,北关区委多措并举。"]


def test_name_split_by_layout_is_rejoined():
    text = "同时,街道积极与区金融办对接,为其申请了2万元金融扶贫小额贷款,帮其入股参加了北关\n\n区全丰公司植保无人机产业扶贫项目,每年可以分红2400元。"
    (par,) = rejoin(paragraphs(text))
    assert "北关区全丰公司" in par


def test_headline_after_a_truncated_paragraph_stays_a_headline():
    pars = ["此外,区档案馆充分发挥爱国主义教育基地的作用,多年来组织社会各界干部群众参观馆内的爱国主义教育",
            "着力健全责任体系、服务体系和保障体系", "蒲城街道党建工作从“实”处着手",
            "本报讯(通讯员张志举 记者毛玺玺)近年来,该街道党工委坚持以党建工作为统领。"]
    out = rejoin(pars, is_byline=lambda p: p.startswith("本报讯"))
    assert "蒲城街道党建工作从“实”处着手" in out


def test_decodes_gb18030_and_bom_and_rejects_binary():
    text = "北关区委组织部深入推进“头雁工程”。"
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))[0] == text
    assert decode_bytes(text.encode("utf-16"))[0] == text
    with pytest.raises(DecodeError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


@pytest.mark.parametrize("line, reporters, photographers", [
    ("□本报记者 王嘉晨", ["王嘉晨"], []),
    ("□本报记者 申昕 文/图", ["申昕"], ["申昕"]),
    ("□县融媒体中心记者 田春燕 吴国栋", ["田春燕", "吴国栋"], []),  # a reporter of another outlet
    ("□本报记者 斯琴图雅 通讯员 宝音", ["斯琴图雅", "宝音"], []),  # transliterated names, no family name
    ("□本报记者 阿不都热合曼·吐尔逊", ["阿不都热合曼·吐尔逊"], []),  # a name with a middle dot
    ("□殷若溪", ["殷若溪"], []),  # a commentary's author: the mark alone makes it a byline
])
def test_start_bylines(line, reporters, photographers):
    c = start_byline(line)
    assert (c.reporters, c.photographers) == (reporters, photographers)


def test_credit_forms():
    c = credit_line("记者 冉红政 通讯员 马英文/图")
    assert c.reporters == ["冉红政", "马英文"] and c.photographers == ["冉红政", "马英文"]
    assert credit_line("吴永亮 郭翼文/图").reporters == ["吴永亮", "郭翼文"]
    assert credit_line("毛思周 摄").photographers == ["毛思周"]
    assert credit_line("平安建设文艺汇演") is None
    rest, c = split_lead("本报讯(通讯员张志举 胡晓千 记者毛玺玺)“街道组织的活动很好。”")
    assert c.reporters == ["张志举", "胡晓千", "毛玺玺"] and rest.startswith("“街道")
    assert split_trailing("……坚决打赢这场“终极决战”。(吴会菊 梁中珂)")[1].reporters == ["吴会菊", "梁中珂"]
    assert split_trailing("图为颁奖现场。(本报记者 王嘉晨 摄)")[1].photographers == ["王嘉晨"]
    assert split_trailing("刘凯平(右一)在楼前张贴")[1] is None


def test_seed_page_splits_into_its_articles():
    page = read_page(SEEDS / "000_91a56669e67fef84.txt")
    news = [a.title for a in page.articles if a.kind == "news"]
    assert news == [
        "实施“头雁工程” 助力社区治理", "区交通运输局 管养公路助脱贫", "红旗路街道 多措并举 便民生活",
        "曙光路街道 积极推进法律援助“三化”建设", "洹北街道 开展节约粮食宣传活动", "韩瑞芳: 政策好,咱也得努力向前跑"]
    photos = [a for a in page.articles if a.kind == "photo"]
    assert [a.photographers for a in photos] == [["张帅"], ["刘小芸"]]
    assert all(a.title == "" for a in photos)  # 图说新闻 and banners are not headlines
    assert page.articles[0].kicker == "北关区:"


def test_kicker_and_subheadline_are_not_the_headline():
    page = read_page(SEEDS / "001_cc726d44a3d34099.txt")
    first = page.articles[0]
    assert first.title == "党旗高扬 领航发展"
    assert first.subtitle == "北关区2019年基层党建亮点采撷"
    dated = [a for a in page.articles if a.date]
    assert [a.date for a in dated] == ["2019-12-31"]


def test_end_credit_closes_an_article_without_a_byline_above():
    page = read_page(SEEDS / "004_779a65c48eedf58e.txt")
    titles = {a.title: a for a in page.articles}
    assert titles["汝阳县发起“双月攻坚”脱贫决战"].reporters == ["吴会菊", "梁中珂"]
    # its sub-headings stay inside it
    assert "尽锐出战 全力以赴" in titles["汝阳县发起“双月攻坚”脱贫决战"].body
    assert titles["产业兴旺促增收"].photographers == ["李正华", "梁中珂"]


def test_parse_page_from_a_string():
    page = parse_page("北关区:\n\n实施“头雁工程”\n\n□本报记者 王嘉晨\n\n北关区委组织部深入推进“头雁工程”。\n", "x.txt")
    (a,) = page.articles
    assert (a.title, a.reporters, a.id) == ("实施“头雁工程”", ["王嘉晨"], "x/0")


def test_a_long_headline_is_still_a_headline():
    title = "坚持党建引领 深化基层治理 某某区某某街道以“红色物业”破解老旧小区管理难题取得明显成效"
    assert 40 < len(title) <= 50
    page = parse_page(f"{title}\n\n本报讯(记者 王嘉晨)近日,某某街道推行“红色物业”。\n", "x.txt")
    assert [a.title for a in page.articles] == [title]


def test_the_headline_is_the_line_under_its_kicker_not_a_slogan_above():
    page = parse_page("奋进新征程 建设新家园\n\n桃源镇:\n\n“田间课堂”开进果园\n\n□本报记者 林小禾\n\n"
                      "桃源镇邀请农技专家到果园授课。\n", "x.txt")
    (a,) = page.articles
    assert a.title == "“田间课堂”开进果园"


def test_an_unbracketed_lead_credit_names_the_reporters():
    page = parse_page("社区课堂开课\n\n本报讯 记者 王晓林 通讯员 陈雨婷 “这个按钮点哪里?”日前,"
                      "青石社区里,老人们跟着志愿者学用手机。\n", "x.txt")
    (a,) = page.articles
    assert a.reporters == ["王晓林", "陈雨婷"]
    assert a.body.startswith("“这个按钮点哪里?”")


def test_a_news_item_is_dated_by_its_dateline_not_by_dates_it_reports():
    page = parse_page("技能培训开班\n\n本报讯(记者 王晓林)2024年3月5日,县人社局培训班开班。\n\n"
                      "首期培训班曾于2021年6月1日举办。\n\n"
                      "农机培训结业\n\n本报讯(记者 王晓林)3月以来,学员陆续结业,最早一批于2023年5月8日结业。\n", "x.txt")
    assert [a.date for a in page.articles] == ["2024-03-05", None]


def test_a_section_label_opening_with_a_head_is_not_the_headline():
    page = parse_page("社区治理\n\n网格连民心 楼栋聚人心\n\n——和园社区治理见闻\n\n□本报记者 王晓林\n\n"
                      "和园社区把网格建到楼栋。\n\n短评\n\n让服务通到群众心坎上\n\n□本报评论员 钟朗\n\n"
                      "服务好不好,群众说了算。\n", "x.txt")
    assert [(a.title, a.reporters) for a in page.articles] == [
        ("网格连民心 楼栋聚人心", ["王晓林"]), ("让服务通到群众心坎上", ["钟朗"])]


def test_a_lead_cut_by_the_layout_is_rejoined():
    page = parse_page("水晶产业闪耀\n\n本报讯(通讯员 朱晓婷 记者 方蕾)走进位于浙江晶\n\n"
                      "澜水晶科技有限公司的生产车间,机器轰鸣。\n", "x.txt")
    (a,) = page.articles
    assert "浙江晶澜水晶科技有限公司" in a.body and a.reporters == ["朱晓婷", "方蕾"]


def test_the_headline_is_the_line_above_its_sub_headline_under_a_banner_and_a_kicker():
    page = parse_page("人民城市人民建 人民城市为人民\n\n党建引领 共治共享\n\n“红管家”走进楼组 老小区过上新日子\n\n"
                      "——江川路街道推进楼组治理见闻\n\n□本报记者 顾晓岚\n\n清晨7点,江川路街道的小广场上,几位老人正在议事。\n", "p.txt")
    assert page.articles[0].title == "“红管家”走进楼组 老小区过上新日子"


def test_a_lead_ending_in_its_credit_is_not_joined_to_the_next_paragraph():
    page = parse_page("养老服务圈\n\n本报讯 今年以来,区民政局加快构建养老服务圈。记者 滕雪峰 通讯员 蔺春雨/图\n\n"
                      "走进群力街道综合养老服务中心,老人们在读书看报。\n", "p.txt")
    (a,) = page.articles
    assert a.reporters == ["滕雪峰", "蔺春雨"] and a.photographers == ["滕雪峰", "蔺春雨"]
    assert "蔺春雨" not in a.body and "养老服务圈。\n走进" in a.body


def test_names_apart_in_brackets_after_the_last_sentence_are_its_credit_whatever_their_family_names():
    assert split_trailing("让群众凭一技之长稳定就业。(韩雪 铁成龙)")[1].reporters == ["韩雪", "铁成龙"]
    assert split_trailing("形成了基层协商格局。(骆文静 展鹏)")[1].reporters == ["骆文静", "展鹏"]
    assert split_trailing("他们来到了(展览 现场)")[1] is None  # not after a sentence's end
    assert split_trailing("一起包粽子。(上午 下午)")[1] is None  # no name among them


def test_a_line_reporting_who_spoke_is_the_kicker_of_the_headline_under_it():
    page = parse_page("童振宇在箭厂河乡调研时强调\n\n用好红色资源 推动乡村振兴\n\n"
                      "本报讯(记者 宋思佳)6月21日,县长童振宇到箭厂河乡调研红色旅游。\n", "p.txt")
    (a,) = page.articles
    assert (a.kicker, a.title) == ("童振宇在箭厂河乡调研时强调", "用好红色资源 推动乡村振兴")


def test_a_name_cut_after_a_title_before_a_copula_is_rejoined():
    page = parse_page("标题\n\n第二天施工队就进了场。\n\n枫香坪社区网格员石秀\n\n英是土家族姑娘,她负责3号网格。\n", "p.txt")
    assert "网格员石秀英是土家族姑娘" in page.articles[0].body


def test_a_name_cut_after_a_full_stop_in_a_short_paragraph_is_rejoined():
    page = parse_page("标题\n\n工坊由雪域手工艺品有限公司运营。公司总经理央宗\n\n卓玛介绍,工坊有织娘62名。\n", "p.txt")
    assert "总经理央宗卓玛介绍" in page.articles[0].body


def test_a_short_paragraph_opening_with_a_clause_of_where_is_cut_not_a_headline():
    page = parse_page("山海相连\n\n记者 李明\n\n两地结对以来成效明显。\n\n在人才交流上,两地互派“百名医生”帮\n\n扶团队,累计派出医生120人次。\n\n"
                      "下一步,两地将深化合作。(通讯员王芳 记者赵亮)\n", "p.txt")
    assert [a.title for a in page.articles] == ["山海相连"]
    assert "“百名医生”帮扶团队" in page.articles[0].body


def test_a_short_paragraph_cut_inside_a_body_s_head_is_rejoined():
    page = parse_page("标题\n\n石门坑村蔬菜基地由绿野蔬菜专业合\n\n作社经营,目前流转土地320亩。\n", "p.txt")
    assert "绿野蔬菜专业合作社经营" in page.articles[0].body


@pytest.mark.parametrize("cut, rest", [
    ("这个车间由苗乡锦绣服", "饰有限公司投资兴办,目前吸纳搬迁群众186人就业。"),  # one character before the head
    ("福建汀江绿源林业发", "展有限公司是首批参与的企业之一。"),
    ("互助县人力资源和社会保", "障局今年启动“土乡工匠”技能提升行动。"),  # inside a bureau's long head
])
def test_a_short_paragraph_cut_just_before_a_body_s_head_is_rejoined(cut, rest):
    page = parse_page(f"标题\n\n本报讯(记者 王林)近日,全县召开推进会。\n\n{cut}\n\n{rest}\n", "p.txt")
    assert cut + rest in page.articles[0].body


@pytest.mark.parametrize("headline, body", [
    ("反诈宣传走进社区", "燕山派出所民警日前走进燕翔社区,开展宣传。"),  # a body's name opens the paragraph
    ("致富路上的领头雁", "该合作社理事长王林说,今年收成好。"),  # 该 points back
])
def test_a_headline_before_a_paragraph_opening_with_a_body_stays_a_headline(headline, body):
    page = parse_page(f"推进会召开\n\n本报讯(记者 王林)近日,全县召开推进会。\n\n{headline}\n\n{body}(李文涛)\n", "p.txt")
    assert page.articles[-1].title == headline


def test_a_column_label_and_kicker_open_a_new_article_and_a_photo_line_inside_it_stays_inside():
    # the first article has its byline above, the second a credit at its end; between them a
    # column label and a kicker, and inside the second a photo's caption line with no full stop
    page = parse_page("茶园管护忙\n\n本报讯(记者 王晓林)近日,勐宋乡组织茶农修剪茶树。\n\n"
                      "乡村振兴\n\n勐宋乡:\n\n工作队扎根茶山 茶农增收有门路\n\n"
                      "清晨,工作队员走进茶园。\n\n工作队员在茶园查看茶树长势\n\n"
                      "村党总支书记岩温说,今年茶价稳中有升。\n\n记者 林小禾 通讯员 陈立新/图\n", "x.txt")
    first, second = page.articles
    assert (first.title, first.reporters) == ("茶园管护忙", ["王晓林"])
    assert second.title == "工作队扎根茶山 茶农增收有门路"
    assert second.reporters == ["林小禾", "陈立新"]
    assert "岩温说" in second.body and "岩温" not in first.body


def test_a_commentary_under_its_column_label_is_an_article_of_its_own():
    page = parse_page("法律咨询进楼院\n\n本报讯(通讯员 于婷婷)兴华街道司法所走进小区开展法律咨询。\n\n"
                      "评论\n\n让老工业区的“夕阳红”更有温度\n\n老工业区的老龄化来得早、程度深。\n", "x.txt")
    assert [a.title for a in page.articles] == ["法律咨询进楼院", "让老工业区的“夕阳红”更有温度"]
    assert page.articles[1].reporters == []


@pytest.mark.parametrize("cut, rest", [
    ("区委社会工作部部长周晓", "岚介绍,计划实施以来,已有42家企业建立党组织。"),  # the given name cut
    ("县民政局局长吴", "光明介绍,今年以来走访老人1200人次。"),  # after the family name
])
def test_a_short_line_ending_in_a_title_and_a_family_name_is_cut(cut, rest):
    page = parse_page(f"标题\n\n本报讯(记者 王林)近日,全县召开推进会。\n\n{cut}\n\n{rest}\n", "x.txt")
    (a,) = page.articles
    assert cut + rest in a.body


def test_a_headline_before_a_name_that_speaks_stays_a_headline():
    page = parse_page("本报讯(记者 王林)近日,全县召开推进会。\n\n我的扶贫日记\n\n王芳说,今年收成好。\n", "x.txt")
    assert "我的扶贫日记王芳" not in "".join(a.body for a in page.articles)


@pytest.mark.parametrize("line, names", [
    ("□本报记者 星永红", ["星永红"]),  # a family name outside the lists (Tu)
    ("□本报记者 拉毛措", ["拉毛措"]),  # a Tibetan name: no family name at all
])
def test_a_byline_names_whoever_follows_the_reporter_s_title(line, names):
    assert start_byline(line).reporters == names


def test_a_column_label_after_the_reporter_s_title_is_no_byline():
    assert start_byline("□记者手记") is None


@pytest.mark.parametrize("text, joined", [
    # a line opening with a date and a time of day
    ("驿站暖人心\n\n□本报记者 孙海鸥\n\n11月12日中午,记者来到泰达街道蓝鲸社\n\n区党群服务中心。几名骑手正在吃午饭。\n",
     "蓝鲸社区党群服务中心"),
    # a body's head cut after its first character
    ("领头羊\n\n□本报记者 马丽\n\n带动群众增收的“领头羊”,是村里的同心县福宁滩羊养殖专\n\n业合作社。合作社有社员237户。\n",
     "同心县福宁滩羊养殖专业合作社。"),
    # a line opening with 据了解
    ("老楼加装电梯\n\n本报讯(记者 曲晓雯)劲松街道松华里社区3号楼的电梯投入使用。\n\n据了解,本次加装工程由北京嘉禾\n\n"
     "园物业管理有限公司负责后期维保。\n", "北京嘉禾园物业管理有限公司"),
    # a line ending inside a quotation
    ("一张地图\n\n□本报记者 陆晓\n\n走进长宁区华阳路街道党群服务站“暖心客\n\n厅”,墙上挂着手绘地图。\n", "“暖心客厅”,墙上"),
    # a line with one clause comma and no space, colon or quotation
    ("桃花映红致富路\n\n□本报记者 彭一鸣\n\n地处岳麓区西部的莲花镇,素有“西大门”之称。\n\n村口的农产品展销区,长沙市岳麓区荷叶\n\n"
     "塘桃李种植专业合作社的摊位前排起了长队。\n", "长沙市岳麓区荷叶塘桃李种植专业合作社的摊位"),
    # a line opening with 据 ("according to") is a sentence, never a headline
    ("老兵驿站\n\n□本报记者 李晓燕\n\n社区组建了志愿服务队。\n\n据区退役军人事\n\n务局相关负责人介绍,该局将推广这一做法。\n",
     "据区退役军人事务局相关负责人介绍"),
])
def test_a_short_line_cut_by_the_layout_is_rejoined(text, joined):
    (a,) = parse_page(text, "x.txt").articles
    assert joined in a.body and a.title == text.split("\n")[0]


@pytest.mark.parametrize("block, title", [
    # over an item with a trailing credit, though the headline shares no word with the text
    ("小茶叶“炒”出大产业\n\n清明前后,排陇村的茶山上一片繁忙,村民们采摘鲜叶。(石建军 吴丽萍)\n", "小茶叶“炒”出大产业"),
    # a four-character label that begins like a unit's name is no headline
    ("驻村帮扶\n\n一支工作队 暖了土家寨\n\n本报讯(记者 向红梅)工作队来了以后,寨子里的路通了。\n", "一支工作队 暖了土家寨"),
    # a line opening with a part of the country (东西部) is a banner over the headline, not a unit's
    ("东西部协作架起“山海桥”\n\n首批“鹭东同心”劳务专列发车\n\n本报讯(记者 马丽娟)3月6日,专列从东乡县发车。\n",
     "首批“鹭东同心”劳务专列发车"),
    # a colon and a comma: a headline quoting its subject, not a cut sentence
    ("韩瑞芳: 政策好,咱也得努力向前跑\n\n□本报记者 李明\n\n韩瑞芳是村里的脱贫户。\n", "韩瑞芳: 政策好,咱也得努力向前跑"),
])
def test_the_headline_of_an_item_after_another(block, title):
    page = parse_page("本报讯(记者 王林)近日,全县召开推进会。(王林)\n\n" + block, "x.txt")
    assert page.articles[1].title == title


def test_the_marked_items_of_a_digest_are_one_article_with_every_item_s_credit():
    text = ("简讯\n\n基层治理短讯三则\n\n■梅园街道近日启用“梅好议事厅”,首场议事会收集意见27条。(赵一鸣)\n\n"
            "■区民政局试点“时间银行”互助养老项目。(刘畅)\n\n■区人社局举办专场招聘会。(孙悦 周婷)\n\n"
            "图说新闻\n\n4月12日,北湖社区党员在湖边捡拾垃圾。(王晨阳 摄)\n")
    digest, photo = parse_page(text.replace("图说新闻", "图说东乡"), "x.txt").articles  # (a column of photos)
    assert digest.title == "基层治理短讯三则"
    assert digest.reporters == ["赵一鸣", "刘畅", "孙悦", "周婷"]
    assert "时间银行" in digest.body and photo.photographers == ["王晨阳"]


def test_a_photo_item_s_headline_may_share_only_characters_with_its_caption():
    page = parse_page("县委统战部 部署“石榴籽”行动\n\n本报讯(记者 蓝晓燕)4月7日,县委统战部召开推进会。\n\n"
                      "春茶开采正当时\n\n近日,澄照乡茶岙村的茶园里,茶农们正忙着采摘明前茶。(钟文斌 摄)\n\n"
                      "共建平安酉阳 共享美好生活\n\n2025年3月31日,沙湾镇分会场迎来首批游客。(雷晓峰 摄)\n", "p.txt")
    assert [(a.title, a.kind) for a in page.articles] == [
        ("县委统战部 部署“石榴籽”行动", "news"), ("春茶开采正当时", "news"), ("", "photo")]


def test_a_commentary_s_author_under_its_headline_and_the_items_and_caption_after_it():
    page = parse_page(
        "短评\n\n让好风景变成“好钱景”\n\n□殷若溪\n\n山还是那座山,水还是那条水。\n\n"
        "城关镇开展“文明民宿”创建活动\n\n本报讯 近日,城关镇在民宿经营户中开展创建活动。(令狐欣)\n\n"
        "2024年5月19日,游客在庙子镇桦树湾村的民宿小院里品尝农家饭。(尚思雨 摄)\n\n"
        "乡村振兴\n\n□易平川\n\n红色资源不能只躺在展柜里。\n\n"
        "2024年10月24日,村民们正在分拣装袋。(马骁 摄)\n", "x.txt")
    got = [(a.title, a.reporters, a.photographers, a.kind) for a in page.articles]
    assert got[:3] == [("让好风景变成“好钱景”", ["殷若溪"], [], "news"),
                       ("城关镇开展“文明民宿”创建活动", ["令狐欣"], [], "news"),  # closed by its bracketed credit
                       ("", [], ["尚思雨"], "photo")]
    # a caption opening with its date, after a commentary's last paragraph: an article of its own
    assert got[-1] == ("", [], ["马骁"], "photo") and page.articles[-1].date == "2024-10-24"
