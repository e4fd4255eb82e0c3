package io.proxima.live.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The container's timers move to a plain scheduler, or the container is left untouched. */
class SocketTimersTest {

  /** Shaped as Tyrus 2.1's BaseContainer: a final managed scheduler preferred over its own. */
  abstract static class ContainerShape {
    private final ScheduledExecutorService managedScheduledExecutorService;
    private volatile ScheduledExecutorService scheduledExecutorService;

    ContainerShape(ScheduledExecutorService managed) {
      this.managedScheduledExecutorService = managed;
    }

    ScheduledExecutorService getScheduledExecutorService() {
      return managedScheduledExecutorService != null
          ? managedScheduledExecutorService
          : scheduledExecutorService;
    }
  }

  static final class Container extends ContainerShape {
    Container(ScheduledExecutorService managed) {
      super(managed);
    }
  }

  @Test
  void aContainerShapedAsTyrusArmsItsTimersOnThePlainScheduler() {
    ScheduledExecutorService managed = Executors.newSingleThreadScheduledExecutor();
    ScheduledExecutorService plain = Executors.newSingleThreadScheduledExecutor();
    try {
      Container container = new Container(managed);

      assertThat(SocketTimers.replaceScheduler(container, plain)).isTrue();
      assertThat(container.getScheduledExecutorService()).isSameAs(plain);
    } finally {
      managed.shutdownNow();
      plain.shutdownNow();
    }
  }

  @Test
  void anotherContainerIsLeftAsItIs() {
    ScheduledExecutorService plain = Executors.newSingleThreadScheduledExecutor();
    try {
      Object other = new Object();

      assertThat(SocketTimers.replaceScheduler(other, plain)).isFalse();
    } finally {
      plain.shutdownNow();
    }
  }
}
