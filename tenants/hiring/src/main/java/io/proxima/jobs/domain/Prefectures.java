package io.proxima.jobs.domain;

import java.util.List;
import java.util.Optional;

/**
 * Japan's 47 prefectures as they are written, in the JIS order (north to south) that Japanese job
 * boards list them in. A job's prefecture is one of these names.
 */
public final class Prefectures {

  public static final List<String> ALL =
      List.of(
          "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都",
          "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県",
          "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県",
          "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

  private Prefectures() {}

  /**
   * The prefecture a name means: its full name, or the name without 都, 府 or 県 as people often type
   * it ("東京", "大阪"); empty for anything else.
   */
  public static Optional<String> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String typed = name.strip();
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    for (String prefecture : ALL) {
      if (prefecture.equals(typed)
          || (prefecture.length() > 2
              && prefecture.substring(0, prefecture.length() - 1).equals(typed))) {
        return Optional.of(prefecture);
      }
    }
    return Optional.empty();
  }

  /** The prefecture a location starts with ("東京都港区" → 東京都), if it names one. */
  public static Optional<String> startOf(String location) {
    if (location == null) {
      return Optional.empty();
    }
    String stripped = location.strip();
    return ALL.stream().filter(stripped::startsWith).findFirst();
  }
}
