package io.proxima.contracts.domain;

import io.proxima.invoicing.domain.SettlementRange;
import io.proxima.invoicing.domain.TaxRate;
import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import io.proxima.profile.domain.ContractType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the two sides agree to (業務委託契約の条件): the work, the client, the monthly rate with its
 * settlement range, payment terms, and the period.
 *
 * @param contractType quasi-mandate (準委任) or contract for work (請負); dispatch needs a licence and
 *     is not contracted here
 * @param paymentDays days after the month's close by which the client pays (支払サイト); the Freelance
 *     Act (フリーランス新法, 2024) caps it at 60
 * @param renewalMonths how many months the contract renews by when neither side ends it; 0 for none
 */
public record ContractTerms(
    String title,
    String description,
    String clientName,
    String freelancerName,
    ContractType contractType,
    SettlementRange settlement,
    TaxRate taxRate,
    int paymentDays,
    LocalDate startDate,
    LocalDate endDate,
    int renewalMonths) {

  public static final int TITLE_LIMIT = 200;
  public static final int DESCRIPTION_LIMIT = 4000;
  public static final int NAME_LIMIT = 200;
  public static final int MAX_PAYMENT_DAYS = 60;
  public static final int MAX_TRIAL_DAYS = 92;

  public ContractTerms {
    title = Texts.required(title, "title", TITLE_LIMIT);
    description = Texts.optional(description, "description", DESCRIPTION_LIMIT);
    clientName = Texts.required(clientName, "clientName", NAME_LIMIT);
    freelancerName = Texts.required(freelancerName, "freelancerName", NAME_LIMIT);
    if (contractType == null || contractType == ContractType.DISPATCH) {
      throw new DomainException.InvalidValue(
          "contractType",
          "contractType: QUASI_MANDATE or CONTRACT_FOR_WORK (dispatch needs a staffing licence)");
    }
    if (settlement == null) {
      throw new DomainException.InvalidValue(
          "settlement", "settlement: the monthly rate and settlement range are required");
    }
    if (taxRate == null) {
      throw new DomainException.InvalidValue("taxRate", "taxRate is required");
    }
    if (paymentDays < 1 || paymentDays > MAX_PAYMENT_DAYS) {
      throw new DomainException.InvalidValue(
          "paymentDays",
          "paymentDays: 1 to 60 days after the month's close (the Freelance Act's limit)");
    }
    if (startDate == null || endDate == null || endDate.isBefore(startDate)) {
      throw new DomainException.InvalidValue(
          "the period needs a start date and an end date on or after it");
    }
    if (renewalMonths < 0 || renewalMonths > 12) {
      throw new DomainException.InvalidValue(
          "renewalMonths", "renewalMonths: 0 (no renewal) to 12");
    }
  }

  /** Checks what only a trial must satisfy: short, and not renewing by itself. */
  void requireTrialShape() {
    if (ChronoUnit.DAYS.between(startDate, endDate) + 1 > MAX_TRIAL_DAYS) {
      throw new DomainException.InvalidValue("a trial contract lasts at most three months");
    }
    if (renewalMonths != 0) {
      throw new DomainException.InvalidValue(
          "a trial contract does not renew; convert it to a main contract instead");
    }
  }

  /** The same terms renewed for {@link #renewalMonths} more months. */
  ContractTerms renewed() {
    return endingOn(endDate.plusMonths(renewalMonths), renewalMonths);
  }

  /** The same terms over a period that ends on {@code end}, renewing by {@code renewal} months. */
  ContractTerms endingOn(LocalDate end, int renewal) {
    return new ContractTerms(
        title,
        description,
        clientName,
        freelancerName,
        contractType,
        settlement,
        taxRate,
        paymentDays,
        startDate,
        end,
        renewal);
  }

  /**
   * When an invoice issued on {@code issueDate} falls due: the payment days counted from the end of
   * the month it is received in, as the contract's payment article says.
   */
  public LocalDate dueDateFor(LocalDate issueDate) {
    return issueDate.withDayOfMonth(issueDate.lengthOfMonth()).plusDays(paymentDays);
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(endDate);
  }
}
