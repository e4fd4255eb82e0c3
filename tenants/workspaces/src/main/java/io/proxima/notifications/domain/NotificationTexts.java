package io.proxima.notifications.domain;

import java.util.Map;

/**
 * The words of a notification, in the centre and in its mail, in Japanese and English. Only the
 * notice's own facts go in (titles, numbers the producer put in its data), never a message's text.
 */
public final class NotificationTexts {

  private NotificationTexts() {}

  /**
   * The one line that says what happened.
   *
   * @param tenantName the tenant's name as its portal shows it
   */
  public static String title(
      NotificationKind kind,
      String language,
      boolean staff,
      int items,
      Map<String, String> data,
      String tenantName) {
    boolean ja = !"en".equals(language);
    String job = data.getOrDefault("jobTitle", "");
    return switch (kind) {
      case SCOUT_RECEIVED ->
          ja
              ? tenantName + "からスカウトが届きました" + (job.isEmpty() ? "" : "：" + job)
              : "You have a scout from " + tenantName + (job.isEmpty() ? "" : ": " + job);
      case MESSAGE_RECEIVED -> {
        String from = staff ? data.getOrDefault("freelancerName", "") : tenantName;
        if (ja) {
          yield (from.isEmpty() ? "" : from + (staff ? " さん" : "") + "から")
              + "新着メッセージが"
              + items
              + "件あります";
        }
        yield items
            + (items == 1 ? " new message" : " new messages")
            + (from.isEmpty() ? "" : " from " + from);
      }
      case INTERVIEW_PROPOSED ->
          ja
              ? "面談日程の候補が届きました" + (job.isEmpty() ? "" : "（" + job + "）")
              : "Interview times were proposed" + (job.isEmpty() ? "" : " (" + job + ")");
      case INTERVIEW_ACCEPTED ->
          ja
              ? "面談日程が確定しました" + (job.isEmpty() ? "" : "（" + job + "）")
              : "An interview time was accepted" + (job.isEmpty() ? "" : " (" + job + ")");
      case CONTRACT_TO_SIGN -> {
        String title = data.getOrDefault("contractTitle", "");
        yield ja
            ? (title.isEmpty() ? "契約書" : "契約書「" + title + "」") + "への署名をお願いします"
            : "Please sign the contract" + (title.isEmpty() ? "" : " \"" + title + "\"");
      }
      case TIME_REPORT_RETURNED -> {
        String month = data.getOrDefault("month", "");
        yield ja
            ? (month.isEmpty() ? "" : month + "の") + "稼働報告が差し戻されました"
            : "Your time report" + (month.isEmpty() ? "" : " for " + month) + " was sent back";
      }
      case INVOICE_ISSUED -> {
        String number = data.getOrDefault("invoiceNumber", "");
        yield ja
            ? "請求書" + (number.isEmpty() ? "" : " " + number + " ") + "が発行されました"
            : "Invoice " + (number.isEmpty() ? "" : number + " ") + "was issued";
      }
      case SAVED_SEARCH_MATCHED -> {
        int count = Math.max(items, number(data.get("count")));
        yield ja
            ? "保存した検索条件に合う新着案件が" + count + "件あります"
            : count + (count == 1 ? " new job matches" : " new jobs match") + " your saved search";
      }
      case CONSENT_REQUESTED ->
          ja
              ? tenantName + "からプロフィール公開の依頼が届きました"
              : tenantName + " asks you to share your profile with them";
    };
  }

  /** What the kind is called on the settings page and in the unsubscribe confirmation. */
  public static String kindName(NotificationKind kind, String language) {
    boolean ja = !"en".equals(language);
    return switch (kind) {
      case SCOUT_RECEIVED -> ja ? "スカウト受信" : "Scouts received";
      case MESSAGE_RECEIVED -> ja ? "新着メッセージ（不在時にまとめて）" : "New messages (summed up while away)";
      case INTERVIEW_PROPOSED -> ja ? "面談日程の提案" : "Interview times proposed";
      case INTERVIEW_ACCEPTED -> ja ? "面談日程の確定" : "Interview times accepted";
      case CONTRACT_TO_SIGN -> ja ? "契約書の署名依頼" : "Contracts to sign";
      case TIME_REPORT_RETURNED -> ja ? "稼働報告の差し戻し" : "Time reports sent back";
      case INVOICE_ISSUED -> ja ? "請求書の発行" : "Invoices issued";
      case SAVED_SEARCH_MATCHED -> ja ? "保存した検索条件の新着案件" : "Saved-search matches";
      case CONSENT_REQUESTED -> ja ? "プロフィール公開の依頼" : "Requests to share your profile";
    };
  }

  /**
   * Where the notification leads, as a path of the portal the recipient uses: the freelancer's own
   * ({@code /…}) or, for staff, inside the tenant's ({@code /t/<slug>} is put in front by whoever
   * makes it absolute).
   */
  public static String link(
      NotificationKind kind, boolean staff, Map<String, String> data, String tenantSlug) {
    if (tenantSlug == null || data.containsKey("tenantSlug")) {
      return link(kind, staff, data);
    }
    Map<String, String> withTenant = new java.util.HashMap<>(data);
    withTenant.put("tenantSlug", tenantSlug);
    return link(kind, staff, withTenant);
  }

  /** As above, with the tenant's slug taken from the data (producers need not put it there). */
  public static String link(NotificationKind kind, boolean staff, Map<String, String> data) {
    return switch (kind) {
      case SCOUT_RECEIVED -> "/scouts";
      case MESSAGE_RECEIVED -> under("/messages", data.get(staff ? "freelancerId" : "tenantSlug"));
      case INTERVIEW_PROPOSED, INTERVIEW_ACCEPTED -> "/applications";
      case CONTRACT_TO_SIGN, TIME_REPORT_RETURNED -> under("/contracts", data.get("contractId"));
      case INVOICE_ISSUED ->
          staff
              ? under("/invoices", data.get("invoiceId"))
              : under("/contracts", data.get("contractId"));
      case SAVED_SEARCH_MATCHED -> "/jobs";
      case CONSENT_REQUESTED -> "/sharing";
    };
  }

  /** One item under a list: ids and slugs only, anything else leads to the list itself. */
  private static String under(String list, String segment) {
    return segment != null && segment.matches("[A-Za-z0-9_-]{1,100}") ? list + "/" + segment : list;
  }

  private static int number(String value) {
    try {
      return value == null ? 0 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
