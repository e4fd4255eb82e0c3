package io.proxima.payments.domain;

import java.util.List;

/** A statement that cannot be imported as it is; nothing of it was. */
public final class BankStatementRejected extends RuntimeException {

  private final transient List<BankStatementParser.LineError> errors;

  public BankStatementRejected(List<BankStatementParser.LineError> errors) {
    super(
        "the bank statement was not imported: "
            + errors.size()
            + (errors.size() == 1 ? " line needs" : " lines need")
            + " fixing");
    this.errors = List.copyOf(errors);
  }

  public List<BankStatementParser.LineError> errors() {
    return errors;
  }
}
