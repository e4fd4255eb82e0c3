package io.proxima.tenancy.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Items as stored (names), read back; a name no longer known is skipped, not a failure. */
final class SharedItems {

  private static final Set<String> KNOWN =
      Arrays.stream(SharedItem.values()).map(SharedItem::name).collect(Collectors.toSet());

  private SharedItems() {}

  static List<SharedItem> read(List<String> names) {
    return names == null
        ? List.of()
        : names.stream().filter(KNOWN::contains).map(SharedItem::valueOf).toList();
  }
}
