package io.proxima.profile.infrastructure.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import io.proxima.profile.domain.Period;
import io.proxima.profile.domain.SkillTaxonomy;
import io.proxima.profile.domain.WorkHistoryEntry;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkHistoryReaderTest {

  private final WorkHistoryReader reader = new WorkHistoryReader(SkillTaxonomy.standard());

  // The readers see text as SheetLines leaves it: NFKC-normalised.
  private static String nfkc(String text) {
    return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
  }

  private List<WorkHistoryEntry> read(String text) {
    return reader.read(SheetLines.of(text), new HashSet<>());
  }

  @Test
  void readsSesTableWithProjectSpreadOverRows() {
    List<WorkHistoryEntry> entries =
        read(
            "職務経歴\n"
                + "No\t期間\t業務内容\t役割\t規模\t使用技術\n"
                + "1\t2023/04～現在\t大手金融機関向け 融資管理システム\tPL\t8名\tJava, Spring Boot\n"
                + "\t\t・バッチ性能改善\t\t\tPostgreSQL\n"
                + "2\t2020/10～2023/03\t官公庁向け 申請システム\tSE\t15名\tOracle");
    assertThat(entries).hasSize(2);
    WorkHistoryEntry first = entries.get(0);
    assertThat(first.period()).isEqualTo(new Period(YearMonth.of(2023, 4), null));
    assertThat(first.role()).isEqualTo("PL");
    assertThat(first.teamSize()).isEqualTo(8);
    assertThat(first.company()).isEqualTo("大手金融機関");
    assertThat(first.technologies()).containsExactly("Java", "Spring Boot", "PostgreSQL");
    assertThat(first.description()).contains("融資管理システム").contains("バッチ性能改善");
    assertThat(entries.get(1).technologies()).containsExactly("Oracle Database");
  }

  @Test
  void readsLabelledBlocksWithTheTitleAboveThePeriod() {
    List<WorkHistoryEntry> entries =
        read(
            "職務経歴\n"
                + "■ 大手通信会社向け 顧客管理基盤の刷新\n"
                + "期間：2021年4月～2023年3月\n"
                + "役割：SE／チーム規模：6名\n"
                + "使用技術：Go, Kubernetes\n"
                + "\n"
                + "■ 小売企業向け EC開発\n"
                + "期間：R5.4～現在\n"
                + "役割：リーダー\n");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).description()).contains("顧客管理基盤の刷新");
    assertThat(entries.get(0).role()).isEqualTo("SE");
    assertThat(entries.get(0).teamSize()).isEqualTo(6);
    assertThat(entries.get(0).technologies()).containsExactly("Go", "Kubernetes");
    assertThat(entries.get(1).period()).isEqualTo(new Period(YearMonth.of(2023, 4), null));
    assertThat(entries.get(1).description()).contains("EC開発");
  }

  @Test
  void readsEnglishExperience() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n"
                + "Aug 2023 – Present | Senior Backend Engineer | A major logistics company\n"
                + "Team of 6. Stack: Java, AWS Lambda.\n");
    WorkHistoryEntry e = entries.get(0);
    assertThat(e.role()).isEqualTo("Senior Backend Engineer");
    assertThat(e.teamSize()).isEqualTo(6);
    assertThat(e.company()).isEqualTo("major logistics company");
    assertThat(e.technologies()).containsExactly("Java", "AWS Lambda");
  }

  @Test
  void joinsAPeriodWrappedByANarrowPdfCell() {
    List<WorkHistoryEntry> entries = read("職務経歴\n平成27年10月〜令和2 都市銀行 勘定系 SE 50 COBOL\n年3月 名 z/OS\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::period)
        .containsExactly(new Period(YearMonth.of(2015, 10), YearMonth.of(2020, 3)));
  }

  @Test
  void joinsAStartMonthAndTheEndInTheRowBelow() {
    List<WorkHistoryEntry> entries =
        read(
            "稼働\t2025年2月～\n"
                + "No.\t期間\t作業内容\t言語\t役割\n"
                + "1\t2022年10月\tマイページ刷新\tJava\tSE\n"
                + "\t～現在\n"
                + "2\t2020年4月\t求人管理\tJava\tPG\n"
                + "\t～2022年9月\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::period)
        .containsExactly(
            new Period(YearMonth.of(2022, 10), null),
            new Period(YearMonth.of(2020, 4), YearMonth.of(2022, 9)));
  }

  @Test
  void ignoresPeriodsOfEducationAndCertifications() {
    List<WorkHistoryEntry> entries = read("学歴\n2010年4月～2014年3月 ○○大学 工学部\n資格\n2019年10月 応用情報技術者\n");
    assertThat(entries).isEmpty();
  }

  @Test
  void readsTeamSizes() {
    assertThat(WorkHistoryReader.teamSize("チーム規模: 8名", false)).isEqualTo(8);
    assertThat(WorkHistoryReader.teamSize("全体30名（チーム5名）", false)).isEqualTo(5);
    assertThat(WorkHistoryReader.teamSize("10人", false)).isEqualTo(10);
    assertThat(WorkHistoryReader.teamSize("team of 6", false)).isEqualTo(6);
    assertThat(WorkHistoryReader.teamSize("a 12-person team", false)).isEqualTo(12);
    assertThat(WorkHistoryReader.teamSize("12", true)).isEqualTo(12);
    assertThat(WorkHistoryReader.teamSize("処理時間を40%短縮", false)).isNull();
  }

  @Test
  void readsTheClientThatOpensATitleAndNotTheEmployerAbove() {
    List<WorkHistoryEntry> entries =
        read(
            "職務経歴\n"
                + "■株式会社サンプルソフト（2016年4月～2021年3月）\n"
                + "事業内容：受託ソフトウェア開発　資本金：3,000万円　従業員数：85名\n"
                + "No\t期間\t業務内容\t役割／規模\t環境\n"
                + "1\t2019年4月～2021年3月\t製造業 生産管理システム再構築\tPL／8名\tJava\n"
                + "2\t2016年4月～2019年3月\t自社（受託開発）勤怠ツール開発\tPG／3名\tPHP\n");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).company()).isEqualTo("製造業");
    assertThat(entries.get(0).role()).isEqualTo("PL");
    assertThat(entries.get(0).teamSize()).isEqualTo(8);
    assertThat(entries.get(1).company()).isNull();
    assertThat(entries.get(1).role()).isEqualTo("PG");
  }

  @Test
  void readsChainsWrittenEitherWayRound() {
    assertThat(EngagementFields.client(nfkc("エンド（地方銀行）←「A社」（元請SIer）← 本人")))
        .isEqualTo(new EngagementFields.Client("地方銀行", List.of("A社"), true));
    EngagementFields.Client labelled =
        EngagementFields.client(nfkc("エンド：国内自動車メーカー ／ 発注元：大手部品メーカー（Tier1）／ 当社"));
    assertThat(labelled.company()).isEqualTo("国内自動車メーカー");
    assertThat(labelled.via()).containsExactly("大手部品メーカー(Tier1)");
    EngagementFields.Client english =
        EngagementFields.client(
            "Large Japanese e-commerce company (via Tokyo Cloud Partners Inc., SES)");
    assertThat(english.company()).isEqualTo("Large Japanese e-commerce company");
    assertThat(english.via()).containsExactly("Tokyo Cloud Partners Inc.");
  }

  @Test
  void readsTheCompanyReachedThroughAnother() {
    assertThat(EngagementFields.client(nfkc("大手SIer経由 大手旅行会社")))
        .isEqualTo(new EngagementFields.Client("大手旅行会社", List.of("大手SIer"), false));
    assertThat(EngagementFields.client(nfkc("大手製造業（C社（大手SIer）経由）")))
        .isEqualTo(new EngagementFields.Client("大手製造業", List.of("C社"), false));
    assertThat(EngagementFields.client(nfkc("＜大手証券会社＞　※外資系ベンダー経由")))
        .isEqualTo(new EngagementFields.Client("大手証券会社", List.of("外資系ベンダー"), false));
    assertThat(EngagementFields.client(nfkc("同上（大手自動車部品メーカー）")).company()).isEqualTo("大手自動車部品メーカー");
    assertThat(EngagementFields.client(nfkc("大手ネット銀行（）")).company()).isEqualTo("大手ネット銀行");
    assertThat(
            EngagementFields.client("Freelance. Client: Mizuho Agritech Co., Ltd. (end client)")
                .company())
        .isEqualTo("Mizuho Agritech Co., Ltd.");
  }

  @Test
  void namesNoClientForLabelsListsOfClientsOrSentences() {
    assertThat(WorkHistoryReader.leadingClient(nfkc("＜案件2＞ 通信キャリア向け基盤更改"))).isEmpty();
    assertThat(WorkHistoryReader.leadingClient(nfkc("＜大手証券会社＞　※外資系ベンダー経由 株式発注システム")))
        .contains(new EngagementFields.Client("大手証券会社", List.of("外資系ベンダー")));
    assertThat(WorkHistoryReader.leadingClient(nfkc("大手SIer経由 物流会社 倉庫管理システムのクラウド移行")))
        .contains(new EngagementFields.Client("物流会社", List.of("大手SIer")));
    assertThat(EngagementFields.client(nfkc("外資系製薬会社の日本法人。（D社）からの再委託で参画しています。")).company())
        .isEqualTo("外資系製薬会社の日本法人");
    assertThat(EngagementFields.client("Hikari Securities Co., Ltd.)").company())
        .isEqualTo("Hikari Securities Co., Ltd.");
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n期間\t顧客\t業務内容\t役割\n"
                    + "2014年4月～2021年3月\t金融・EC・官公庁など多数\t脆弱性診断\t診断員\n"
                    + "2021年4月～現在\t\t地方銀行 勘定系移行　元請：大手SIer\tSE\n"));
    assertThat(entries.get(0).company()).isNull();
    assertThat(entries.get(1).via()).containsExactly("大手SIer");
  }

  @Test
  void countsTheEngineersTeamAndNotTheCompanyOrTheWholeProject() {
    assertThat(WorkHistoryReader.teamSize(nfkc("全体20名（うちiOSチーム4名）"), true)).isEqualTo(4);
    assertThat(WorkHistoryReader.teamSize(nfkc("体制：全体12名、うちデータ基盤3名"), true)).isEqualTo(3);
    assertThat(WorkHistoryReader.teamSize(nfkc("事業内容：受託開発　従業員数：45名"), false)).isNull();
  }

  @Test
  void readsTheTitleAfterTheEmployerAndTheColumnsOfFromAndTo() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "業務経歴\n"
                    + "顧客\tNo\t自\t至\t案件名・業務内容\t役割\t人数\n"
                    + "大手EC事業者\t1\t2024年1月\t現在\t在庫引当サービスのGo移行\tリードエンジニア\t8名\n"
                    + "\t2\t2022年4月\t2023年12月\tポイント基盤の再構築\tSE\t6名\n"
                    + "株式会社X（自社開発・BtoB SaaS）\t3\t2019年4月\t2022年3月\t経費精算SaaS\tPG\t5名\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("大手EC事業者", "大手EC事業者", null);
    assertThat(
            read("Experience\n2019/04 - 2022/12\tHanamichi Games Inc. — SRE (in-house)\tInfra for"
                    + " game backends")
                .get(0)
                .role())
        .isEqualTo("SRE");
  }

  @Test
  void knowsTheEmployerFromHowTheSheetNamesIt() {
    assertThat(EngagementFields.employer(nfkc("前職：株式会社中央データ"), "株式会社中央データ")).isTrue();
    assertThat(EngagementFields.employer("株式会社ウェブネクスト ※SES", "株式会社ウェブネクスト")).isTrue();
    assertThat(EngagementFields.employer(nfkc("クライアント：株式会社スマートリノベ"), "株式会社スマートリノベ")).isFalse();
  }

  @Test
  void readsTheCompanyReachedThroughAndThePrimeInOnePlace() {
    assertThat(EngagementFields.leadingVia(nfkc("大手SIer経由 物流会社 倉庫管理")))
        .contains(new EngagementFields.Through("大手SIer", "物流会社 倉庫管理"));
    assertThat(EngagementFields.leadingVia(nfkc("物流会社、大手SIer経由 倉庫管理"))).isEmpty();
    assertThat(EngagementFields.angledClient(nfkc("＜大手証券会社＞（外資系ベンダー経由） 発注")))
        .contains(new EngagementFields.Client("大手証券会社", List.of("外資系ベンダー")));
    assertThat(EngagementFields.angledClient(nfkc("＜大手証券会社＞ 発注")))
        .contains(new EngagementFields.Client("大手証券会社", List.of()));
    assertThat(EngagementFields.angledClient("大手証券会社 発注")).isEmpty();
    assertThat(EngagementFields.labelledPrimes(nfkc("地方銀行 勘定系移行　元請：大手SIer、上位会社：C社")))
        .containsExactly("大手SIer", "C社");
    // Unlabelled, "上位" is an ordinary word in running text.
    assertThat(EngagementFields.labelledPrimes("上位 5 名のレビュー担当")).isEmpty();
  }

  @Test
  void readsNumberedProjectsWhoseNumberTouchesTheYear() {
    List<WorkHistoryEntry> entries =
        read(
            "【職務経歴】\n"
                + "１．２０２５年４月～現在　／　大手損保\n"
                + "　案件：代理店向けポータル 保守開発\n"
                + "　役割：SE　規模：チーム６名\n"
                + "\n"
                + "２．２０２４年７月～２０２５年３月　／　大手運送会社\n"
                + "　案件：配車管理システム\n"
                + "　役割：PG　規模：８名\n");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).period()).isEqualTo(new Period(YearMonth.of(2025, 4), null));
    assertThat(entries.get(1).period())
        .isEqualTo(new Period(YearMonth.of(2024, 7), YearMonth.of(2025, 3)));
    assertThat(entries.get(1).role()).isEqualTo("PG");
    assertThat(entries.get(1).teamSize()).isEqualTo(8);
  }

  @Test
  void readsTheRoleFromTheLineThatNamesIt() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n"
                    + "2021年1月～2024年3月　基幹システム更改\n"
                    + "担当：当初PM補佐として参画し、2022年4月よりPMとして統括。\n"
                    + "役割：PM補佐 → PM\n"
                    + "\n"
                    + "2019年4月～2020年12月　社内勤怠ツール作成\n"
                    + "役割：１名で担当\n"
                    + "\n"
                    + "2016年4月～2019年3月　リスク管理DWH保守\n"
                    + "役割：SE・PL/SQLによる集計処理改修、JP1ジョブ運用、夜間バッチ障害の再発防止策の検討\n"
                    + "\n"
                    + "2014年4月～2016年3月　電機メーカーのSAP保守\n"
                    + "概要：ALVレポート改修でABAPプログラマー（PG）。\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("PM補佐 → PM", null, "SE", "ABAPプログラマー");
  }

  @Test
  void readsEnglishTitlesOfTwoRolesAndBeforeAClientLabel() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n"
                + "Period\tCompany / Role\tDetails\n"
                + "Jan 2023 - Present\tFreelance (contract) — Staff SRE Client: a major bank\tOn-call\n"
                + "2013/04 - 2015/09\tSakuragi Net Co., Ltd. — Operator / Junior Engineer\tOps\n"
                + "Period\tProject\tRole\tSize\n"
                + "2012/10 - 2013/03\tPoint-card system\tSE / sub-leader\t8\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("Staff SRE", "Operator / Junior Engineer", "SE / sub-leader");
  }

  @Test
  void aCompanyLineWithItsPeriodHeadsTheEngagementBelow() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n"
                    + "株式会社やまと精機（2009年4月～2017年3月）\n"
                    + "【2009年4月～2017年3月】社内システムの企画・導入・運用（情報システム部）\n"
                    + "役割：社内SE（パッケージ導入ではユーザー側リーダー）。ベンダー管理を担当。\n"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).company()).isNull();
    assertThat(entries.get(0).role()).isEqualTo("社内SE");
  }

  @Test
  void anEnglishJobHeadingOverItsPeriodBelongsToThatJob() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n"
                + "Senior Mobile Engineer — Kiraboshi Pay K.K. (in-house product)\n"
                + "Oct 2022 – Present · Tokyo (hybrid)\n"
                + "Tech lead of the payments app squad (team of 6: 3 iOS, 2 Android, 1 QA).\n"
                + "iOS Engineer — contract via TechBridge Staffing\n"
                + "Client: a major Japanese mobile carrier\n"
                + "Apr 2020 – Sep 2022\n"
                + "Developed features for the carrier's customer support app.\n"
                + "Certifications\n"
                + "AWS Certified Developer – Associate\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("Senior Mobile Engineer", "iOS Engineer");
    assertThat(entries.get(1).company()).isEqualTo("major Japanese mobile carrier");
    assertThat(
            WorkHistoryReader.dashedTitle("Project Leader — Daiwa Systems Co., Ltd. (large SIer)"))
        .isTrue();
    assertThat(WorkHistoryReader.dashedTitle("基幹システム更改 — 要件定義から移行まで")).isFalse();
  }

  @Test
  void anEnglishEmployerHeadingOverItsTableIsNoEngagement() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n"
                + "Backend Tech Lead, Sakura Fintech KK — Apr 2020 – Jun 2022\n"
                + "Tech lead of the payments squad (team of 5).\n"
                + "Project Leader — Daiwa Sogo Systems Co., Ltd. (large SIer)\n"
                + "2008/04 - 2020/03\n"
                + "Period\tProject\tRole\tSize\n"
                + "2016/04 - 2020/03\tTrading platform renewal\tPL\t12\n"
                + "2008/04 - 2016/03\tPoint-card system\tSE\t8\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("Backend Tech Lead", "PL", "SE");
    assertThat(entries.get(0).company()).isNull();
  }

  @Test
  void readsTheClientAfterTheCompanyItWasReachedThrough() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "【職務経歴】\n"
                    + "１．２０２５年４月～現在　／　損保系システム会社（エンド：大手損保）\n"
                    + "　案件：代理店向けポータル 保守開発\n"
                    + "\n"
                    + "２．２０２２年４月～２０２３年９月　／　大手SIer（Ｊ社）経由　官公庁\n"
                    + "　案件：補助金申請システム　新規開発\n"
                    + "\n"
                    + "３．２０２０年４月～２０２２年３月　／　８名（エンド：ネット証券会社）\n"
                    + "　案件：口座開設システム\n"
                    + "\n"
                    + "４．２０１８年１月～２０２０年３月　／　メーカー系SIer\n"
                    + "　案件：製造業向け 生産管理システム改修\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("大手損保", "官公庁", "ネット証券会社", "メーカー系SIer");
    assertThat(entries)
        .extracting(WorkHistoryEntry::via)
        .containsExactly(List.of("損保系システム会社"), List.of("大手SIer(J社)"), List.of(), List.of());
  }

  @Test
  void anEnglishProjectForAChainNamesItAndOneViaACompanyDoesNot() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n"
                + "Period\tProject\tRole\tSize\n"
                + "2012/10 - 2016/03\tPoint-card system for a convenience store chain\tSE\t8\n"
                + "2008/04 - 2012/09\tMaintenance of insurance agency system (via a major SIer)"
                + "\tPG\t15\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("convenience store chain", null);
    assertThat(entries.get(1).via()).containsExactly("major SIer");
  }

  @Test
  void aClientNamedInASentenceOrAfterItsLabelWithoutAColon() {
    WorkHistoryEntry prose =
        read(nfkc(
                "【2019年1月～2021年3月】小売チェーン 基幹システム刷新の周辺システム連携PMO。"
                    + "クライアントは大手ドラッグストアチェーン。役割：PMO、6名体制。"))
            .get(0);
    assertThat(prose.company()).isEqualTo("大手ドラッグストアチェーン");
    WorkHistoryEntry spaced =
        read(nfkc("■2023年5月～2024年8月\n案件 宿泊予約アプリの追加開発\n顧客 大手SIer経由 大手旅行会社\n担当 iOSエンジニア")).get(0);
    assertThat(spaced.company()).isEqualTo("大手旅行会社");
    assertThat(spaced.via()).containsExactly("大手SIer");
    // Only a name that reads like a client: "顧客 折衝" is no company.
    assertThat(read(nfkc("2020年4月～2021年3月 販売管理システム改修\n顧客 折衝、要件調整")).get(0).company()).isNull();
  }

  @Test
  void aBracketedClientLabelInsideATitleEndsAtTheNextItem() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "2\t2021年10月～2024年3月\t【案件】拠点ネットワークのSD-WAN化【顧客】某メガバンク・FortiGateによる設計\tSE\t8名\n"
                    + "3\t2019年4月～2021年9月\t【案件】DCネットワーク構築【顧客】大手製造業（情報システム子会社経由）・Nexusによるコア設計\tSE\t15名\n"
                    + "4\t2011年4月～2015年3月\t【案件】社内ヘルプデスク【顧客】自社\tメンバー\t4名"));
    assertThat(entries.get(0).company()).isEqualTo("某メガバンク");
    assertThat(entries.get(1).company()).isEqualTo("大手製造業");
    assertThat(entries.get(1).via()).containsExactly("情報システム子会社");
    assertThat(entries.get(2).company()).isNull();
  }

  @Test
  void whereTheEngineerWasStationedIsTheClient() {
    WorkHistoryEntry prose =
        read(nfkc("2015年4月～2018年3月 A社（元請）経由でB社に常駐し、会計システムの保守を担当。SE 5名")).get(0);
    assertThat(prose.company()).isEqualTo("B社");
    assertThat(prose.via()).contains("A社");
    WorkHistoryEntry employerLine =
        read(nfkc(
                "【2018年4月～2020年3月】\n所属：株式会社アクトデータ（新卒入社・SES）→ 客先常駐：生命保険会社の情報システム子会社\n"
                    + "役割：メンバー 5名"))
            .get(0);
    assertThat(employerLine.company()).isEqualTo("生命保険会社の情報システム子会社");
    WorkHistoryEntry english =
        read("Dates\tEmployer / Client\tPosition\n"
                + "Apr 2016 - Sep 2018\tHokuto Electric Co., Ltd. (contract design house), assigned to a"
                + " major home appliance maker\tEmbedded Software Engineer")
            .get(0);
    assertThat(english.company()).isEqualTo("major home appliance maker");
  }

  @Test
  void aTitleOpeningWithTheClientInTheGenitiveNamesIt() {
    assertThat(read(nfkc("2021年4月～2022年12月\n地方銀行の稟議ワークフロー刷新。役割はPMO。")).get(0).company())
        .isEqualTo("地方銀行");
    assertThat(read(nfkc("2016年4月～2019年3月\n大手製薬会社の基幹システム刷新に参画")).get(0).company())
        .isEqualTo("大手製薬会社");
    // A system's own parts are no client.
    assertThat(read(nfkc("2016年4月～2019年3月\n会員サービスの改修")).get(0).company()).isNull();
  }

  @Test
  void aProjectNameThatOpensWithItsClientOutweighsTheClientsOwnSystemInTheSummary() {
    WorkHistoryEntry entry =
        read(nfkc(
                "◇プロジェクト3\n期間：2018年7月～2020年12月\n案件名：通販会社 ECサイトリプレイス\n"
                    + "概要：自社開発のECサイトをSalesforce Commerce Cloudへ移行。\n役割：PM\n規模：12名"))
            .get(0);
    assertThat(entry.company()).isEqualTo("通販会社");
    assertThat(read(nfkc("期間：2018年7月～2020年12月\n概要：自社サービスのECサイト開発\n役割：PG")).get(0).company())
        .isNull();
  }

  @Test
  void anEnglishEmployersInHouseProductHasNoClient() {
    WorkHistoryEntry entry =
        read("Experience\nSenior Mobile Engineer — Kiraboshi Pay K.K. (in-house product)\n"
                + "Oct 2022 – Present · Tokyo (hybrid)\nTech lead of the payments app squad (team of 6).")
            .get(0);
    assertThat(entry.company()).isNull();
  }

  @Test
  void anIndustryClientEndingInShopOrSchoolKind() {
    assertThat(read(nfkc("7\tPG\t5名\t2019/10～2020/06\t学習塾向け LMS 機能追加 / 動画視聴進捗管理")).get(0).company())
        .isEqualTo("学習塾");
  }

  @Test
  void aRoleCellRunTogetherWithTheTeamSizeKeepsOnlyTheRole() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "期間\t業務内容\t役割\t規模\n"
                    + "2006/10～2009/03\t化学メーカー SAP保守\tABAP開発者10名\t\n"
                    + "2016/04～2019/09\t食品卸 SAP導入\tFIリードFIチーム8名\t\n"
                    + "2012/04～2015/03\t中小企業向け 受発注システム\tPG【規模】3~5名\t\n"
                    + "2019/10～2022/03\t製造業 S/4HANA移行\tPMO全体20名\t\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("ABAP開発者", "FIリード", "PG", "PMO");
    assertThat(
            read("Experience\nApr 2021 - Mar 2023\tFreshCart Co., Ltd.\tAndroid Engineer, team of 4")
                .get(0)
                .role())
        .isEqualTo("Android Engineer");
  }

  @Test
  void aWordTableOfLabelAndValuePairsTwoToARow() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "業務経歴\n【案件1】\n期間\t2025年7月～現在\t役割\tPL\n"
                    + "顧客\t大手物流会社（エンド）　※元請：大手SIer\t規模\t7名\n"
                    + "案件\t配車計画システムのAzure移行\n\n【案件2】\n期間\t2023年10月～2025年6月\t役割\tSE\n"
                    + "顧客\t医療法人青葉会\t規模\t4名\n案件\t外来予約Webシステム新規開発\n"));
    assertThat(entries).extracting(WorkHistoryEntry::company).containsExactly("大手物流会社", "医療法人青葉会");
    assertThat(entries.get(0).via()).containsExactly("大手SIer");
    assertThat(entries).extracting(WorkHistoryEntry::role).containsExactly("PL", "SE");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(7, 4);
  }

  @Test
  void aNoteOnWhatTheClientIsBelongsToItsNameOneOnTheContractDoesNot() {
    assertThat(read(nfkc("2004年4月～2009年9月\n製造業（自動車部品） 生産管理システム開発\nSE")).get(0).company())
        .isEqualTo("製造業(自動車部品)");
    assertThat(read(nfkc("2021年4月～2023年3月\nWeb制作会社（新卒入社） コーポレートサイト制作\nPG")).get(0).company())
        .isEqualTo("Web制作会社");
    assertThat(read(nfkc("2019年4月～2021年3月\n地方テレビ局（受託） 番組表アプリ開発\nPG")).get(0).company())
        .isEqualTo("地方テレビ局");
  }

  @Test
  void aSummaryTableAndItsProjectDetailsAreOneEngagementEach() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "## 職務経歴\n| 期間 | 案件 | 役割 | 技術 |\n|:--|:--|:--|:--|\n"
                    + "| 2024年5月〜現在 | 大手フィットネスチェーン 会員アプリのリニューアル | Androidエンジニア | Kotlin |\n"
                    + "| 2022年8月〜2024年4月 | 某市 地域ポイントアプリ開発 | モバイルエンジニア | Flutter |\n"
                    + "## 案件詳細\n### 大手フィットネスチェーン 会員アプリのリニューアル\n- 期間: 2024年5月〜現在\n"
                    + "- 体制: Android 3名 / 全体15名\n- 工程: 詳細設計 / 実装\n"
                    + "### 某市 地域ポイントアプリ開発\n- 期間: 2022年8月〜2024年4月\n"
                    + "- 商流: 地元の広告代理店（C社）経由\n- 体制: 4名\n"));
    assertThat(entries).hasSize(2);
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("Androidエンジニア", "モバイルエンジニア");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(3, 4);
    assertThat(entries.get(0).company()).isEqualTo("大手フィットネスチェーン");
    assertThat(entries.get(1).via()).isNotEmpty();
  }

  @Test
  void aLocalGovernmentAndAnHonorificEndTheClientsName() {
    assertThat(read(nfkc("2022年8月～2024年4月\n某市 地域ポイントアプリ開発\nPG")).get(0).company()).isEqualTo("某市");
    assertThat(read(nfkc("2018年4月～2021年3月\nB県 税務システム更改\nSE")).get(0).company()).isEqualTo("B県");
    assertThat(read(nfkc("2018年4月～2019年12月\t(株)ヒューマンリンク様派遣スタッフ管理アプリ\tSE\t3名")).get(0).company())
        .isEqualTo("(株)ヒューマンリンク");
    assertThat(read(nfkc("2022年7月～2024年1月\nHRテック系SaaS企業（自社サービス） 人事評価SaaS\nSE")).get(0).company())
        .isEqualTo("HRテック系SaaS企業");
  }

  @Test
  void aClientGivenByItsIndustryLabelKeepsItsNote() {
    assertThat(
            read(nfkc(
                    "職務経歴\n期間\t概要\t役割\t規模\n2020年4月～2023年6月\t業種：地方自治体（中核市） / 基幹業務システム標準化\tPM\t25名"))
                .get(0)
                .company())
        .isEqualTo("地方自治体(中核市)");
  }

  @Test
  void aNumberInBracketsHeadsTheProjectBelowIt() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n(2) 産業機器向け IoTゲートウェイ開発\n期間：2018年4月～2022年3月\n役割：SE\n"
                    + "(3) 家電メーカー 炊飯器制御ソフト開発\n期間：2015年10月～2018年6月\n役割：SE\n"));
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).company()).isNotEqualTo("家電メーカー");
    assertThat(entries.get(1).company()).isEqualTo("家電メーカー");
  }

  @Test
  void theEmployersProfileIsNoPartOfItsFirstProject() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n株式会社テンクロス（2024年4月～現在）\n事業内容：飲食・小売業向けシフト管理SaaSの開発　従業員数：70名\n"
                    + "期間 2025年4月～現在\nプロジェクト シフトクラウド 勤怠連携APIの開発\n"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).company()).isNull();
  }

  @Test
  void aFreelanceHeadingOverItsProjectsIsNoEngagement() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n◇フリーランス（2017年10月～現在）\n期間\tプロジェクト概要\t役割／規模\t担当フェーズ\n"
                    + "2023年7月～現在\t業種：生命保険（大手） / 基幹システム刷新のPMO\tPMO\t要件定義\n"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).company()).isEqualTo("生命保険(大手)");
  }

  @Test
  void aClientAndProjectColumnAndTheSameClientAsAbove() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\nNo.\t開始\t終了\t顧客／案件名\t役割\t人数\n"
                    + "1\t2024/01\t現在\t大手化学メーカー（エンド） / S/4HANAコンバージョン\tFIリード\t6名\n"
                    + "2\t2022/04\t2023/12\t同上顧客 / 海外グループ会社へのSAP ECC展開\tSE\t10名\n"
                    + "3\t2019/10\t2022/03\t食品卸売業　会計システム保守・アドオン改修\tSE\t4名\n"
                    + "4\t2013/04\t2019/09\t自社（独立系SIer）　中堅企業向け会計パッケージ導入\tSE\t5名\n"
                    + "5\t2008/04\t2013/03\t自社受託　物流会社向け販売管理システム開発\tPG\t8名\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("大手化学メーカー", "大手化学メーカー", "食品卸売業", null, "物流会社");
  }

  @Test
  void theHeadingAfterAPeriodInBracketsAndATagBeforeATitle() {
    assertThat(read(nfkc("職務経歴\n【R2.10～R4.3】Web広告代理店（社名非公開）\n〈ポジション〉PG\n")).get(0).company())
        .isEqualTo("Web広告代理店");
    assertThat(
            read(nfkc("職務経歴\n■（兼務）同保険会社グループ会社　営業支援システム導入\n【期間】2024年1月～2025年3月\n")).get(0).company())
        .isEqualTo("同保険会社グループ会社");
  }

  @Test
  void severalKindsOfClientOrTheEngineersSubcontractorsNameNoClient() {
    assertThat(read(nfkc("職務経歴\n1993年4月～2010年3月\t金融・製造業向けUNIXサーバ構築（多数）\tSE\n")).get(0).company())
        .isNull();
    assertThat(
            read(nfkc("職務経歴\n期間：2008年4月～2015年9月\n内容：後半は5名チームのリーダーとして協力会社との調整を担当。\n"))
                .get(0)
                .company())
        .isNull();
  }

  @Test
  void aMaskedNameAnAngledClientsNoteAndAPrimeInTheChain() {
    assertThat(
            read(nfkc("職務経歴\n2020/04～2023/09\t勘定系周辺 仮想基盤更改\tSE\n\tエンド: ○○銀行 / 元請: 大手SIer\n"))
                .get(0)
                .company())
        .isEqualTo("○○銀行");
    assertThat(
            read(nfkc("職務経歴\n1\t令和5年7月～現在\t＜暗号資産交換業者（エンド）＞注文マッチングエンジンのリプレイス\tSE\n"))
                .get(0)
                .company())
        .isEqualTo("暗号資産交換業者");
    assertThat(
            read(nfkc("職務経歴\n1\t2023/10～現在\t【大手物流会社 基幹系サーバのAWS移行】\tリーダー\n\t商流: 元請SIer → 弊社\n"))
                .get(0)
                .company())
        .isEqualTo("大手物流会社");
  }

  @Test
  void aClientCellThatSaysThereWasNone() {
    assertThat(read(nfkc("職務経歴\n期間：2021年4月～2022年12月\n顧客：なし（自社）\n役割：メンバー\n")).get(0).company())
        .isNull();
    assertThat(
            read("Experience\nApr 2019 – Mar 2021\n  Client: none (internal)\n  Role: SRE\n")
                .get(0)
                .company())
        .isNull();
  }

  @Test
  void anEnglishClientLabelBeforeADashAndANoteOnDisclosure() {
    assertThat(
            read("Experience\nApr 2024 – Present\nClient: Major Japanese P&C insurer (under NDA) — Claims document understanding\n")
                .get(0)
                .company())
        .isEqualTo("Major Japanese P&C insurer");
  }

  @Test
  void aSizeWordBeforeのOpensTheClientsName() {
    assertThat(
            read(nfkc(
                    "職務経歴\n2\t2024/04～現在\t【勤怠・シフト管理Webシステム新規開発】 / SIer（元請）のチームに参画。エンドは中堅の介護サービス事業者。\tPG\n"))
                .get(0)
                .company())
        .isEqualTo("中堅の介護サービス事業者");
    assertThat(read(nfkc("職務経歴\n◆2022年4月～2024年8月　某大手小売業のゼロトラスト移行・クラウド接続\n")).get(0).company())
        .isEqualTo("某大手小売業");
    assertThat(
            read(nfkc("職務経歴\n2025年7月～現在\t保険会社向け 通話要約（SIer経由）エンド：中堅生命保険会社／商流：SIer→当方\tLLMエンジニア\n"))
                .get(0)
                .company())
        .isEqualTo("中堅生命保険会社");
  }

  @Test
  void aBreakInAMarkdownCellAndTheFreelancersOwnStatusAboveTheClient() {
    assertThat(
            read(nfkc(
                    "## 職務経歴\n| 期間 | 顧客・案件 | 役割 | 技術 |\n|---|---|---|---|\n"
                        + "| 2022/07〜2024/03 | フリーランス<br>某大手ゲーム会社 位置情報ゲーム開発 | クライアントエンジニア | Unity |\n"))
                .get(0)
                .company())
        .isEqualTo("某大手ゲーム会社");
  }

  @Test
  void aRoleWhoseLettersAPdfSpacedOut() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "業務経歴\nNo\t期間\t案件名\t作業内容\t役割\t規模\n"
                    + "7\tH25.4-H28.3\t地方銀行　融資稟議システム開発\t画面開発\tS E\t12名\n"
                    + "8\tH22.4-H25.3\t専門商社　販売管理システム再構築\t受注画面の製造\tP G→S E\t20名\n"));
    assertThat(entries).extracting(WorkHistoryEntry::role).containsExactly("SE", "PG→SE");
    assertThat(WorkHistoryReader.joinedLetters("Tech Lead / A社")).isEqualTo("Tech Lead / A社");
  }

  @Test
  void aRoleCellThatGoesOnToItsTeamGivesBoth() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n| 期間 | 顧客名／案件名 | 役割／規模 | 使用技術 |\n"
                    + "| 2023年4月～現在 | 株式会社ミナトリース\\n契約管理刷新 | SE／PM1名、SE2名（本人含む）、PG4名 | Java |\n"
                    + "| 2021年4月～2023年3月 | 某地方銀行\\n融資システム保守 | 保守担当／6～8名 | COBOL |\n"
                    + "| 2019年4月～2021年3月 | 物流会社\\n倉庫管理 | リーダー／リーダー1、メンバー4 | PHP |\n"
                    + "| 2017年4月～2019年3月 | 自社サービス開発 | PG／不明 | Ruby |\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("SE", "保守担当", "リーダー", "PG");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(7, 8, 5, null);
    assertThat(WorkHistoryReader.roleThenTeam("SE/PG")).isEmpty();
    assertThat(WorkHistoryReader.roleThenTeam("Data Engineer. Team of 2-3.").orElseThrow())
        .containsExactly("Data Engineer", "Team of 2-3");
  }

  @Test
  void aTeamRangeCountsItsUpperBound() {
    assertThat(WorkHistoryReader.teamSize("3～5名", false)).isEqualTo(5);
    assertThat(WorkHistoryReader.teamSize("team of 4–6", false)).isEqualTo(6);
    assertThat(WorkHistoryReader.teamSize("5-6 developers", true)).isEqualTo(6);
    assertThat(WorkHistoryReader.teamSize("managed 3 engineers", false)).isEqualTo(3);
  }

  @Test
  void anIndustryColumnYieldsToTheClientNamedBesideIt() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\nNo\t期間\t業種\t顧客\t案件名\t役割\t規模\n"
                    + "1\t2022/04～現在\t製薬\t大手製薬会社（株式会社ヤマト薬品）\t治験データ基盤\tSE\t5名\n"
                    + "2\t2020/04～2022/03\t小売\t\t会員アプリ改修\tPG\t4名\n"
                    + "3\t2018/04～2020/03\t証券\tＫ社（ネット証券）\t取引画面\tPG\t6名\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("株式会社ヤマト薬品", "小売", "K社");
  }

  @Test
  void aTeamWrittenAsItsMakeUpWithoutCountersIsSummed() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n| 期間 | 案件 | 役割／規模 | 体制 |\n"
                    + "| 2022年4月～現在 | 損保会社向け 代理店システム | PM ／ 25名 |  |\n"
                    + "| 2020年4月～2022年3月 | 医療機関向け 予約システム | SE | PM1 SE3 PG5 |\n"
                    + "| 2018年4月～2020年3月 | 物流会社向け 配送管理 | PL | PM1 / PL1 / PG6 |\n"));
    assertThat(entries).extracting(WorkHistoryEntry::role).containsExactly("PM", "SE", "PL");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(25, 9, 8);
  }

  @Test
  void aBodyThatIsNoCompanyKeepsItsWholeLegalName() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n【2022年4月～2023年3月】学校法人さくら学園様 学生ポータル構築\n役割：PG\n"
                    + "【2020年4月～2022年3月】公益財団法人 みなと文化財団 会員管理システム\n役割：SE\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("学校法人さくら学園", "公益財団法人 みなと文化財団");
    assertThat(EngagementFields.withoutNote(nfkc("大手化学メーカー（㈱ミドリ化成）"))).isEqualTo("(株)ミドリ化成");
    assertThat(EngagementFields.withoutNote("サンプル(株)")).isEqualTo("サンプル(株)");
    assertThat(EngagementFields.withoutNote("製造業（精密機器）")).isEqualTo("製造業（精密機器）");
  }

  @Test
  void aDescribedClientGivesWayToItsOwnName() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n【2023年4月～現在】大手食品メーカー（株式会社あおば食品） 生産管理刷新\n役割：SE\n"
                    + "【2021年4月～2023年3月】ECサイト改修\nクライアントは大手出版社の株式会社白鷺書房様。\n役割：PG\n"
                    + "【2019年4月～2021年3月】予約システム開発\nエージェント（株式会社ミチシルベ）経由で株式会社トワ・メディカルに参画。\n役割：PG\n"
                    + "【2018年4月～2019年3月】独立行政法人 研究助成システム改修\n役割：PG\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("株式会社あおば食品", "株式会社白鷺書房", "株式会社トワ・メディカル", "独立行政法人");
    assertThat(entries.get(2).via()).contains("株式会社ミチシルベ");
  }

  @Test
  void aGridsStartAndEndRowsAndAMonthAPdfCutInTwo() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n項番\t期間\t業務概要\t担当\t規模\n"
                    + "1\t2019.7～2020.12\t(株)グリーンフーズ様 EDI再構築\tSE\t6名\n"
                    + "2\t2017/04\t地方銀行向け ネットバンキング保守\tPG\t4名\n"
                    + "\t2019/06\t障害対応、法改正対応の改修。\n"
                    + "3\t2014年1\t0月～2017年3月\t自社パッケージ開発\t開発リーダー\t12名\n"
                    + "4.資格\n2005年12月 第二種電気工事士\n2011年6月 エンベデッドシステムスペシャリスト試験\n"));
    assertThat(entries)
        .extracting(e -> e.period().from() + ".." + e.period().to())
        .containsExactly("2019-07..2020-12", "2017-04..2019-06", "2014-10..2017-03");
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("(株)グリーンフーズ", "地方銀行", null);
  }

  @Test
  void anEnglishEntryForTheEmployersOwnProductNamesNoClient() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n### Staff Engineer — Lumina Health K.K.\n*Apr 2023 – Present*\n"
                + "- Backend for our own symptom-check app (team of 6).\n"
                + "### Backend Engineer — Hinode Systems Co., Ltd.\n*Apr 2019 – Mar 2023*\n"
                + "- Loyalty points API (Client: Kobato Mart Co., Ltd.)\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly(null, "Kobato Mart Co., Ltd.");
  }

  @Test
  void aNewEmployersLabelledRowsAreNoPartOfTheLastEmployersTable() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n1. 東洋データ株式会社（2010年4月～2016年3月）\n"
                    + "期間\t案件名\t役割\t規模\n"
                    + "2010年4月～2016年3月\t某大手通信キャリア向け 会員ポータル / 商流: エンド ← 大手SIer ← 自社\tSE\t8名\n"
                    + "2. 個人事業主（2016年4月～現在）\n"
                    + "作業期間\t2016/04～2019/03\n案件\t○○信用金庫 勘定系共同化に伴う移行\n"
                    + "商流\t元請の大手コンサルティングファーム経由\n役割\tPMO\n規模\tPMO5名\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("某大手通信キャリア", "○○信用金庫");
    assertThat(entries)
        .extracting(WorkHistoryEntry::via)
        .containsExactly(List.of("大手SIer"), List.of("大手コンサルティングファーム"));
    assertThat(entries).extracting(WorkHistoryEntry::role).containsExactly("SE", "PMO");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(8, 5);
  }

  @Test
  void anEnglishEmployersHeadingOverItsProjectsIsNoEngagement() {
    List<WorkHistoryEntry> entries =
        read(
            "Experience\n### Backend Engineer — Hinode Systems Co., Ltd., Tokyo (IT consulting)\n"
                + "*2019/04 - 2022/03* · contract development\n\n"
                + "**Project 1: Loyalty points API** (Client: Kobato Mart Co., Ltd.)\n"
                + "*Apr 2019 – Sep 2020* · Role: Backend Developer · Team: 8\n"
                + "- Stack: Java, Spring Boot\n\n"
                + "**Project 2: Remittance gateway** (Client: a Japanese online bank; prime contractor:"
                + " a large SIer)\n"
                + "*Oct 2020 – Mar 2022* · Role: Bridge SE · Team: 12\n"
                + "- Stack: Go, gRPC\n\n"
                + "Sakura Systems Co., Ltd. (system integrator), Tokyo — Apr 2022 – Present\n"
                + "Software Engineer, assigned to client projects\n"
                + "| Period | Oct 2023 – Present |\n"
                + "| Client | Hoshizora Bank, Ltd. (via prime contractor Daito Information Systems Co., Ltd.) |\n"
                + "| Role | Backend Engineer |\n");
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("Kobato Mart Co., Ltd.", "Japanese online bank", "Hoshizora Bank, Ltd.");
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("Backend Developer", "Bridge SE", "Backend Engineer");
    assertThat(entries.get(2).via()).containsExactly("Daito Information Systems Co., Ltd.");
  }

  @Test
  void aRoleThatAPdfRanIntoItsTeam() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n期間\t内容\t役割・規模\n"
                    + "2024年7月～2025年6月\t株式会社ジョブリンク様 求人票生成\tLLMエンジニア開発3名\n"
                    + "2018年4月～2020年3月\t株式会社アオバ損保様 不正検知\tMLエンジニアPM1、DS3、エンジニア2\n"
                    + "2012年4月～2016年3月\t大手化学メーカー SAPロールアウト\tFI/COチームリーダー6名\n"
                    + "2010年4月～2012年3月\t大手商社 会計\tFI/COリードコンサルタントFI/COチーム5名（全体120名）\n"
                    + "2008年4月～2010年3月\t物流会社向け 倉庫管理\tPL／PM1名、PL1名（本人）、PG3名\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::role)
        .containsExactly("LLMエンジニア", "MLエンジニア", "FI/COチームリーダー", "FI/COリードコンサルタント", "PL");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(3, 6, 6, 5, 5);
  }

  @Test
  void aTableRowThatAPdfRanOnFromTheParagraphAbove() {
    List<WorkHistoryEntry> entries =
        read(
            "EXPERIENCE\nApr 2022 – Present\tSenior Full-Stack Engineer\t\tMinato Learning Co., Ltd.\n"
                + "Online tutoring marketplace. Team of 9 engineers. Tech: Ruby on Rails, MySQL Oct 2019"
                + " – Mar 2022\tBackend Engineer\t\tSakura Retail Tech K.K.\n"
                + "Store-inventory SaaS for apparel retailers. Team of 5.\n");
    assertThat(entries).extracting(WorkHistoryEntry::teamSize).containsExactly(9, 5);
    assertThat(entries.get(0).technologies()).contains("Ruby on Rails");
  }

  @Test
  void theEngineersOwnSideIsTheTeamNotThePeopleBesideIt() {
    assertThat(WorkHistoryReader.teamSize(nfkc("当社3名／顧客インフラチーム10名"), true)).isEqualTo(3);
    assertThat(WorkHistoryReader.teamSize(nfkc("QA 3名（開発20名）"), true)).isEqualTo(3);
    assertThat(WorkHistoryReader.teamSize(nfkc("ＰＭＯ２名、ベンダー側１５名"), true)).isEqualTo(2);
    assertThat(WorkHistoryReader.teamSize(nfkc("PM1名、PL2名、SE6名"), true)).isEqualTo(9);
  }

  @Test
  void workForSeveralClientsOrTheCompanysOwnProductNamesNoClient() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\n期間\t業種\t業務内容\t役割\n"
                    + "2013年4月～2016年3月\t官公庁\t住民情報システム\tSE\n"
                    + "2006年4月～2013年3月\t通信機器\t自社製品：業務用IP電話機のファームウェア開発\tPG\n"
                    + "1993年4月～2003年3月\t製造・流通ほか\t各種バッチ開発（複数顧客）\tPG\n"
                    + "【期間】2020年4月～2022年3月\n【案件】美容サロン予約サービス 店舗向け管理画面の開発（自社サービス）\n"
                    + "期間\t案件\t役割\n"
                    + "2022年7月～2024年1月\tHRテック系SaaS企業（自社サービス） / 人事評価SaaSの開発\tSE\n"));
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("官公庁", null, null, null, "HRテック系SaaS企業");
  }

  @Test
  void whereTheWorkWasAfterTheAgencyOrThePrime() {
    List<WorkHistoryEntry> entries =
        read(
            nfkc(
                "職務経歴\nNo\t期間\t案件概要\t役割\n"
                    + "1\t2021/0\t4～2023/06\t【スマホゲーム開発会社　Ｂ社】リリース前の第三者検証\tテストリーダー\n"
                    + "2\t2013年7月～2016年3月\t輸血管理再構築 / 客先：株式会社ヘルスデータ（元請）経由で大学病院に常駐。\tSE\n"
                    + "Experience\nJun 2019 – Dec 2021\tGame Programmer\n"
                    + "Through Nexa Staffing K.K. at a major Japanese game publisher\n"));
    assertThat(entries)
        .extracting(e -> e.period().from().toString())
        .containsExactly("2021-04", "2013-07", "2019-06");
    assertThat(entries)
        .extracting(WorkHistoryEntry::company)
        .containsExactly("B社", "大学病院", "major Japanese game publisher");
    assertThat(entries.get(1).via()).containsExactly("株式会社ヘルスデータ");
    assertThat(entries.get(2).via()).containsExactly("Nexa Staffing K.K.");
  }
}
