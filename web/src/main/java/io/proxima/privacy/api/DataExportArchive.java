package io.proxima.privacy.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The freelancer's export of their data as one ZIP archive: what each file is called, the README
 * that explains them in Japanese and English, and the writing of entries one at a time, so a large
 * part (chat history, uploaded files) never has to be in memory whole.
 */
final class DataExportArchive implements AutoCloseable {

  /** Dates in the archive's name and README are Japan's: the market and the freelancer's day. */
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  static final String README = "README.txt";
  static final String SHEETS = "skill-sheets/";

  /** Each file the archive may hold, in order, with what it is in Japanese and English. */
  static final Map<String, String[]> FILES = files();

  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withFormatting(true));
  // Pages of a long list are written element by element; one line each keeps them readable.
  private static final Jsonb COMPACT = JsonbBuilder.create();

  private final ZipOutputStream zip;

  DataExportArchive(OutputStream out) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
  }

  /** {@code proxima-export-2026-12-06.zip}: the day it was made, in Japan. */
  static String fileName(Instant madeAt) {
    return "proxima-export-" + LocalDate.ofInstant(madeAt, JAPAN) + ".zip";
  }

  /**
   * The entry an uploaded sheet's original is stored as: under {@code skill-sheets/}, prefixed with
   * its upload id so two uploads of "skill-sheet.xlsx" do not collide, and with the name as the
   * freelancer gave it only as far as it is safe in a ZIP — no directories, no "..", no control
   * characters, no more than 100 characters.
   */
  static String sheetEntry(UUID uploadId, String fileName) {
    String name = fileName == null ? "" : Normalizer.normalize(fileName, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder safe = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .filter(c -> ":*?\"<>|".indexOf(c) < 0)
        .limit(100)
        .forEach(safe::appendCodePoint);
    String cleaned = safe.toString().strip().replaceAll("^\\.+", "");
    return SHEETS + uploadId + "-" + (cleaned.isEmpty() ? "skill-sheet" : cleaned);
  }

  /** The text the reader took from a sheet, beside its original. */
  static String sheetTextEntry(UUID uploadId) {
    return SHEETS + uploadId + ".txt";
  }

  /**
   * What the archive holds, when it was made and for whom, first in Japanese and then in English.
   *
   * @param who the freelancer as the portal names them (their display name, or their user name)
   */
  static String readme(String who, Instant madeAt) {
    String when =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).format(madeAt.atZone(JAPAN))
            + " (JST)";
    StringBuilder text = new StringBuilder();
    text.append("Proxima 登録データ一式\n")
        .append("======================\n\n")
        .append("対象: ")
        .append(who)
        .append(" 様\n")
        .append("作成日時: ")
        .append(when)
        .append("\n\n")
        .append(
            "Proxima があなたについて保存しているデータの写しです。ご本人の請求により作成しました。\n"
                + "他のユーザーのデータは含みません。ほかの方は、ポータルに表示される名前でのみ記載しています。\n"
                + "日時は UTC（ISO 8601）、金額は円です。\n\n")
        .append("ファイル一覧\n------------\n");
    FILES.forEach(
        (file, about) -> text.append(file).append("\n    ").append(about[0]).append('\n'));
    text.append(
        "\n含まれないもの: 公開先の企業・エージェントが社内で付けたメモや評価、他のユーザーの"
            + "プロフィール、パスワード（Keycloak が保管し、Proxima も読めません）。\n\n\n");
    text.append("Proxima data export\n===================\n\n")
        .append("For: ")
        .append(who)
        .append("\nMade: ")
        .append(when)
        .append("\n\n")
        .append(
            "A copy of the data Proxima holds about you, made at your request. It holds no other"
                + " user's data; other people appear only by the names the portal shows you."
                + " Times are UTC (ISO 8601), amounts in yen.\n\n")
        .append("Files\n-----\n");
    FILES.forEach(
        (file, about) -> text.append(file).append("\n    ").append(about[1]).append('\n'));
    text.append(
        "\nNot included: the notes and ratings a company or agency keeps internally, other users'"
            + " profiles, your password (Keycloak keeps it; Proxima cannot read it).\n");
    return text.toString();
  }

  /** One JSON document, indented. */
  void json(String name, Object value) throws IOException {
    bytes(name, JSON.toJson(value).getBytes(StandardCharsets.UTF_8));
  }

  /** A file as it is. */
  void bytes(String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /**
   * A JSON array written a page at a time: only the page being written is in memory. The pages end
   * when the iterator does; an empty page is skipped.
   */
  <T> void jsonArray(String name, Iterator<? extends List<? extends T>> pages) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    writeArray(pages);
    zip.closeEntry();
  }

  /**
   * A JSON array of groups, each an object with a fixed head and an array member filled a page at a
   * time (a conversation's tenant, then its messages).
   */
  <G> void groupedJsonArray(
      String name,
      List<G> groups,
      java.util.function.Function<G, Map<String, Object>> head,
      String member,
      java.util.function.Function<G, Iterator<? extends List<?>>> pages)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    write("[");
    boolean first = true;
    for (G group : groups) {
      String object = COMPACT.toJson(head.apply(group));
      // The head is an object: its closing brace makes way for the paged member.
      write(
          (first ? "\n" : ",\n")
              + object.substring(0, object.length() - 1)
              + (object.length() > 2 ? "," : "")
              + COMPACT.toJson(member)
              + ":");
      writeArray(pages.apply(group));
      write("}");
      first = false;
    }
    write(first ? "]\n" : "\n]\n");
    zip.closeEntry();
  }

  private void writeArray(Iterator<? extends List<?>> pages) throws IOException {
    write("[");
    boolean first = true;
    while (pages.hasNext()) {
      for (Object element : pages.next()) {
        write((first ? "\n" : ",\n") + COMPACT.toJson(element));
        first = false;
      }
    }
    write(first ? "]" : "\n]");
  }

  private void write(String text) throws IOException {
    zip.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    zip.finish();
    zip.flush();
  }

  private static Map<String, String[]> files() {
    Map<String, String[]> files = new LinkedHashMap<>();
    files.put(README, new String[] {"このファイル。", "This file."});
    files.put(
        "account.json",
        new String[] {
          "アカウント: 氏名、ユーザー名、メールアドレス、初回・最終利用日時。",
          "Your account: name, user name, e-mail address, first and last seen."
        });
    files.put(
        "profile.json",
        new String[] {
          "プロフィール: 職務経歴、スキル、学歴、資格、希望条件、リンク。",
          "Your profile: work history, skills, education, certifications, desired conditions,"
              + " links."
        });
    files.put(
        "personal-details.json",
        new String[] {
          "個人情報: 連絡先（電話・住所）、生年月日、報酬の振込先口座。暗号化して保存しています。",
          "Your personal details: contact (phone, address), date of birth, payout bank account;"
              + " kept encrypted."
        });
    files.put(
        "availability.json",
        new String[] {"稼働状況（未設定なら null）。", "Your availability (null if never set)."});
    files.put(
        "consents.json",
        new String[] {
          "プロフィールの公開先: 企業・エージェントごとに、公開内容、同意した利用目的と現在の利用目的、公開日時、停止日時。",
          "Who you share (or shared) your profile with: what, the purpose you agreed to and the"
              + " purpose now, since when, and when you stopped."
        });
    files.put(
        "consent-log.json",
        new String[] {
          "公開の記録（同意の履歴）: 公開・停止・招待による公開・終了のすべてを、日時、公開先、公開内容、そのとき表示された利用目的とともに、新しい順に。",
          "The consent log: every share, stop, share through an invitation and end, with the time,"
              + " the company, what was shared and the purpose as shown then, newest first."
        });
    files.put(
        SHEETS + "skill-sheets.json",
        new String[] {
          "アップロードしたスキルシート: ファイル名、形式、サイズ、日時、読み取り結果（下書き）と状態。",
          "Skill sheets you uploaded: file name, type, size, when, the draft read from each and"
              + " what became of it."
        });
    files.put(
        SHEETS + "<id>-<ファイル名 / file name>",
        new String[] {
          "アップロードした元のファイル（保存時の暗号化を解いたもの）と、読み取ったテキスト（<id>.txt）。",
          "Each original file as you uploaded it (decrypted from its storage) and the text read"
              + " from it (<id>.txt)."
        });
    files.put(
        "messages.json",
        new String[] {
          "企業・エージェントとのメッセージ: 相手ごとに、送受信したすべてのメッセージ。",
          "Your conversations with each company or agency: every message, both ways."
        });
    files.put(
        "applications.json",
        new String[] {
          "応募: 応募内容、選考の経過、面接の日程調整。",
          "Your applications: what you sent, how each moved, interview proposals."
        });
    files.put(
        "interviews.json", new String[] {"面接の日程調整（応募ごと）。", "Interview proposals, by application."});
    files.put(
        "scouts.json", new String[] {"受け取ったスカウトと回答。", "Scouts you received and your answers."});
    files.put(
        "contracts.json",
        new String[] {
          "あなたが当事者の契約: 契約条件、署名・経過、稼働報告。",
          "Contracts you are party to: terms, signatures and history, time reports."
        });
    files.put("notifications.json", new String[] {"お知らせ。", "Your notifications."});
    files.put(
        "notification-settings.json",
        new String[] {"お知らせの受け取り設定。", "How your notifications reach you."});
    files.put("saved-searches.json", new String[] {"保存した検索条件。", "Your saved job searches."});
    files.put(
        "favourites.json", new String[] {"お気に入りの案件（募集中のもの）。", "Your favourite jobs still open."});
    files.put(
        "talent-invitations.json",
        new String[] {
          "あなたのメールアドレス宛ての、エージェントからの登録招待（未回答のもの）。",
          "Agencies' pending invitations to your e-mail address."
        });
    files.put(
        "calendar.json",
        new String[] {
          "カレンダー連携: 取り込み元と予定あり時間、配信 URL の有無。",
          "Calendar: the calendars you import busy time from, that busy time, whether you have a"
              + " feed."
        });
    files.put(
        "access-log.json",
        new String[] {
          "閲覧履歴: どの企業・エージェントの誰が、いつ何を見たか（このエクスポートやファイルのダウンロードも含む）。",
          "Who viewed what: which staff of which tenant opened your profile or took a copy, and"
              + " your own downloads and exports."
        });
    return java.util.Collections.unmodifiableMap(files);
  }
}
