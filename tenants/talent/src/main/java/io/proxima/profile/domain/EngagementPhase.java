package io.proxima.profile.domain;

import java.util.Optional;

/**
 * A stage of an engagement the freelancer took part in (担当工程). Japanese sheets mark them in a ◯/●
 * matrix or list them; agencies filter on them ("上流から入れる人"), so they are kept as values, not free
 * text.
 */
public enum EngagementPhase {
  REQUIREMENTS("要件定義"),
  BASIC_DESIGN("基本設計"),
  DETAILED_DESIGN("詳細設計"),
  IMPLEMENTATION("実装"),
  UNIT_TEST("単体テスト"),
  INTEGRATION_TEST("結合テスト"),
  SYSTEM_TEST("総合テスト"),
  /** A sheet that says only テスト, without the kind. */
  TEST("テスト"),
  OPERATION("運用保守");

  private final String japanese;

  EngagementPhase(String japanese) {
    this.japanese = japanese;
  }

  /** The label Japanese sheets and the portal use. */
  public String japanese() {
    return japanese;
  }

  /** The phase a Japanese label names, exactly as {@link #japanese()} writes it. */
  public static Optional<EngagementPhase> ofJapanese(String label) {
    for (EngagementPhase phase : values()) {
      if (phase.japanese.equals(label)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
