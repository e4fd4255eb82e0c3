package io.proxima.contracts.infrastructure;

import static io.proxima.platform.pdf.JapaneseFormats.date;
import static io.proxima.platform.pdf.JapaneseFormats.yen;

import io.proxima.contracts.application.ContractDocuments;
import io.proxima.contracts.domain.Contract;
import io.proxima.contracts.domain.ContractKind;
import io.proxima.contracts.domain.ContractTerms;
import io.proxima.invoicing.domain.SettlementRange;
import io.proxima.platform.pdf.JapaneseDocument;
import io.proxima.platform.pdf.JapaneseFont;
import io.proxima.profile.domain.ContractType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contract document (業務委託契約書, or the trial's お試し契約書) from the contract's terms: the parties as
 * 甲 (the client) and 乙 (the freelancer), the articles Japanese freelance contracts carry, and the
 * fee with its settlement range spelled out so the invoice can be checked against it.
 */
@ApplicationScoped
public class ContractPdf implements ContractDocuments {

  private final JapaneseFont font;

  protected ContractPdf() {
    this.font = null;
  }

  @Inject
  public ContractPdf(@ConfigProperty(name = "proxima.pdf.font") Optional<String> font) {
    this.font = JapaneseDocument.findFont(font.orElse(null));
  }

  @Override
  public byte[] render(Contract contract) {
    ContractTerms terms = contract.terms();
    boolean trial = contract.kind() == ContractKind.TRIAL;
    boolean mandate = terms.contractType() == ContractType.QUASI_MANDATE;
    SettlementRange fee = terms.settlement();
    try (JapaneseDocument pdf = JapaneseDocument.open(font, "proxima.pdf.font")) {
      pdf.title(
          trial ? "業務委託契約書（お試し契約）" : "業務委託契約書",
          terms.clientName() + "（甲）と " + terms.freelancerName() + "（乙）",
          null);
      pdf.paragraph(
          terms.clientName()
              + "（以下「甲」という。）と"
              + terms.freelancerName()
              + "（以下「乙」という。）は、次のとおり業務委託契約（以下「本契約」という。）を締結する。",
          10);
      pdf.heading("第1条（委託業務）");
      pdf.paragraph("甲は乙に対し、次の業務（以下「本業務」という。）を委託し、乙はこれを受託する。", 10);
      pdf.field("業務名", terms.title());
      pdf.field("業務内容", terms.description());
      pdf.heading("第2条（契約の性質）");
      pdf.paragraph(
          mandate
              ? "本契約は準委任契約とし、乙は善良な管理者の注意をもって本業務を遂行する。乙は成果物の完成について責任を負わない。"
              : "本契約は請負契約とし、乙は本業務の成果物を完成させ、甲に引き渡す。",
          10);
      pdf.paragraph("甲は乙に対し指揮命令を行わず、乙は業務の遂行方法、時間及び場所を自らの裁量で決定する。", 10);
      pdf.heading("第3条（契約期間）");
      pdf.field("期間", date(terms.startDate()) + " から " + date(terms.endDate()) + " まで");
      if (trial) {
        pdf.paragraph("本契約はお試し期間の契約であり、自動更新しない。甲乙協議のうえ、期間満了までに本契約に移行することができる。", 10);
      } else if (terms.renewalMonths() > 0) {
        pdf.paragraph(
            "期間満了の1か月前までに甲乙いずれからも申出がないときは、本契約は同一条件で" + terms.renewalMonths() + "か月間更新され、以後も同様とする。",
            10);
      } else {
        pdf.paragraph("本契約は期間満了をもって終了し、更新しない。", 10);
      }
      pdf.heading("第4条（委託料）");
      pdf.field("月額委託料", yen(fee.monthlyRateYen()) + "（消費税別、税率" + terms.taxRate().label() + "）");
      pdf.field(
          "精算幅",
          fee.minHours().stripTrailingZeros().toPlainString()
              + "時間 〜 "
              + fee.maxHours().stripTrailingZeros().toPlainString()
              + "時間（"
              + (fee.method() == SettlementRange.Method.MIDDLE ? "中間割" : "上下割")
              + "）");
      pdf.field("超過単価", yen(fee.excessUnitYen()) + "／時間（精算幅の上限を超えた時間）");
      pdf.field("控除単価", yen(fee.shortfallUnitYen()) + "／時間（精算幅の下限に満たない時間）");
      pdf.paragraph("乙は毎月末日までの稼働時間を稼働報告により甲に報告し、甲の承認を得たうえで適格請求書を発行する。", 10);
      pdf.heading("第5条（支払）");
      pdf.paragraph(
          "甲は、毎月末日締めで、乙の請求書を受領した月の末日から"
              + terms.paymentDays()
              + "日以内に、乙の指定する口座に振り込む方法で支払う。振込手数料は甲の負担とする。",
          10);
      pdf.heading("第6条（秘密保持）");
      pdf.paragraph(
          "甲及び乙は、本契約に関して知り得た相手方の技術上又は営業上の情報を、相手方の書面による承諾なく第三者に開示し、又は本契約の目的以外に使用してはならない。本条は本契約終了後も3年間存続する。",
          10);
      pdf.heading("第7条（再委託）");
      pdf.paragraph("乙は、甲の書面による承諾なく、本業務の全部又は一部を第三者に再委託してはならない。", 10);
      pdf.heading("第8条（知的財産権）");
      pdf.paragraph(
          "本業務により生じた成果物の著作権（著作権法第27条及び第28条の権利を含む。）は、委託料の支払いをもって乙から甲に移転する。乙が従前から有する権利は乙に留保される。", 10);
      pdf.heading("第9条（解除）");
      pdf.paragraph(
          "甲又は乙は、相手方が本契約に違反し、相当の期間を定めた催告後も是正されないときは、本契約を解除することができる。甲が中途解除する場合は、フリーランス・事業者間取引適正化等法に従い30日前までに予告する。",
          10);
      pdf.heading("第10条（協議）");
      pdf.paragraph("本契約に定めのない事項又は疑義が生じた事項は、甲乙誠実に協議して解決する。", 10);
      pdf.gap(10);
      pdf.paragraph("本契約の成立を証するため、甲乙は本書の電子データに電子的に署名し、各自その記録を保管する。", 10);
      pdf.field("甲", terms.clientName());
      pdf.field("乙", terms.freelancerName());
      pdf.field("契約番号", contract.id().toString());
      return pdf.toPdf();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
