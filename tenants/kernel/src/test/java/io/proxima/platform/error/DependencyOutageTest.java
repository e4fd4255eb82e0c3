package io.proxima.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DependencyOutageTest {

  @Test
  void aDatabaseThatDoesNotAnswerIsAnOutageHoweverDeeplyWrapped() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SQLException refused = null;
    try {
      DriverManager.getConnection("jdbc:postgresql://localhost:" + closedPort + "/x", "u", "p");
    } catch (SQLException e) {
      refused = e;
    }
    assertThat((Throwable) refused).isNotNull();
    Throwable wrapped =
        new RuntimeException("interceptor", new PersistenceException("could not open", refused));

    assertThat(DependencyOutage.of(wrapped)).contains("database");
    DomainException.Unavailable problem = DependencyOutage.problemFor(wrapped).orElseThrow();
    assertThat(problem.retryAfterSeconds()).isEqualTo(DependencyOutage.RETRY_AFTER_SECONDS);
  }

  @Test
  void aServerStartingUpOrShuttingDownIsAnOutage() {
    for (String state : new String[] {"57P01", "57P03", "53300", "08006"}) {
      assertThat(DependencyOutage.of(new SQLException("server said so", state)))
          .as(state)
          .contains("database");
    }
  }

  @Test
  void thePoolsOwnWordsForAConnectionItCouldNotOpenAreAnOutage() {
    SQLException pool =
        new SQLException(
            "Error in allocating a connection. Cause: Connection could not be allocated because:"
                + " Connection to localhost:5433 refused.");
    assertThat(DependencyOutage.of(new IllegalStateException(pool))).contains("database");
  }

  @Test
  void aCommitThatLostItsConnectionIsAnOutage() {
    // As Payara reports it: the XA exception keeps only the driver's message, not its exception.
    Exception xa =
        new javax.transaction.xa.XAException(
            "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection due to"
                + " unexpected postmaster exit");
    Exception system = new jakarta.transaction.SystemException();
    system.initCause(xa);
    Throwable commit =
        new jakarta.transaction.TransactionalException(
            "encountered exception during commit", system);
    assertThat(DependencyOutage.of(commit)).contains("database");
    assertThat(
            DependencyOutage.of(
                new jakarta.transaction.TransactionalException(
                    "commit", new javax.transaction.xa.XAException("heuristic mixed"))))
        .isEmpty();
  }

  @Test
  void refusalsOfTheDataAndBugsAreNot() {
    assertThat(DependencyOutage.of(new SQLException("duplicate", "23505"))).isEmpty();
    assertThat(DependencyOutage.of(new SQLException("too long", "22001"))).isEmpty();
    assertThat(DependencyOutage.of(new SQLException("syntax", "42601"))).isEmpty();
    assertThat(DependencyOutage.of(new NullPointerException())).isEmpty();
  }

  @Test
  void aCauseChainThatLoopsEnds() {
    RuntimeException first = new RuntimeException("a");
    RuntimeException second = new RuntimeException("b", first);
    first.initCause(second);
    assertThat(DependencyOutage.of(second)).isEmpty();
  }
}
