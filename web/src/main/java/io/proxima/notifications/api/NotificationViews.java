package io.proxima.notifications.api;

import io.proxima.notifications.application.NotificationCentre;
import io.proxima.notifications.domain.NotificationKind;
import io.proxima.platform.error.DomainException;
import io.proxima.web.QueryParameters;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the notification operations take and give. */
public final class NotificationViews {

  private NotificationViews() {}

  static final int DEFAULT_SIZE = 20;

  public record UnreadView(@Schema(example = "3") long unread) {}

  public record ReadAllView(
      @Schema(example = "3") int marked, @Schema(example = "0") long unread) {}

  /** One kind's channels; a channel left out keeps its setting. */
  public record KindChoice(
      @Schema(required = true, example = "SCOUT_RECEIVED") NotificationKind kind,
      @Schema(example = "true") Boolean inApp,
      @Schema(example = "false") Boolean mail) {

    NotificationCentre.Change toChange() {
      if (kind == null) {
        throw new DomainException.InvalidValue("kinds", "every entry of kinds names its kind");
      }
      return new NotificationCentre.Change(kind, inApp, mail);
    }
  }

  public record SettingsRequest(
      @Schema(
              description = "the language of notification mail",
              example = "ja",
              enumeration = {"ja", "en"})
          String language,
      @Schema(description = "changes per kind; kinds not listed keep theirs")
          List<KindChoice> kinds) {

    List<NotificationCentre.Change> changes() {
      if (kinds == null) {
        return List.of();
      }
      if (kinds.size() > NotificationKind.values().length * 2) {
        throw new DomainException.InvalidValue("kinds", "too many entries in kinds");
      }
      return kinds.stream()
          .map(
              choice -> {
                if (choice == null) {
                  throw new DomainException.InvalidValue("kinds", "an entry of kinds is empty");
                }
                return choice.toChange();
              })
          .toList();
    }
  }

  static int page(String value) {
    Integer page = QueryParameters.integer("page", value);
    if (page != null && (page < 0 || page > 10_000)) {
      throw new DomainException.InvalidValue("page", "page is 0 to 10000");
    }
    return page == null ? 0 : page;
  }

  static int size(String value) {
    Integer size = QueryParameters.integer("size", value);
    if (size != null && (size < 1 || size > 100)) {
      throw new DomainException.InvalidValue("size", "size is 1 to 100");
    }
    return size == null ? DEFAULT_SIZE : size;
  }
}
