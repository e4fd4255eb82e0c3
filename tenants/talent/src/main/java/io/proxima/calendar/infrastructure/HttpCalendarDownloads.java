package io.proxima.calendar.infrastructure;

import io.proxima.calendar.domain.CalendarAddress;
import io.proxima.calendar.domain.CalendarDownloads;
import io.proxima.platform.error.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches external calendars with {@link HttpClient}, as a server fetching URLs that users typed
 * must: only http(s), never into the platform's own network (loopback, private, link-local — the
 * cloud metadata address — unless {@code proxima.calendar.allow-private-network} says so, for local
 * use and tests), redirects followed by hand so each hop is checked again, bounded in time and in
 * size.
 *
 * <p>A plain GET is what CalDAV servers (Nextcloud, iCloud public calendars, Fastmail, Google's
 * "secret address") answer with the whole collection as one iCalendar document.
 */
@ApplicationScoped
public class HttpCalendarDownloads implements CalendarDownloads {

  static final int REDIRECT_LIMIT = 3;

  private final HttpClient http;
  private final boolean allowPrivateNetwork;
  private final Duration timeout;
  private final int maxBytes;

  protected HttpCalendarDownloads() {
    this(false, 15, 2 * 1024 * 1024);
  }

  @Inject
  public HttpCalendarDownloads(
      @ConfigProperty(name = "proxima.calendar.allow-private-network", defaultValue = "false")
          boolean allowPrivateNetwork,
      @ConfigProperty(name = "proxima.calendar.timeout-seconds", defaultValue = "15")
          int timeoutSeconds,
      @ConfigProperty(name = "proxima.calendar.max-bytes", defaultValue = "2097152") int maxBytes) {
    this.allowPrivateNetwork = allowPrivateNetwork;
    this.timeout = Duration.ofSeconds(timeoutSeconds);
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 5)))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public byte[] download(CalendarAddress address) {
    URI uri = address.uri();
    for (int hop = 0; hop <= REDIRECT_LIMIT; hop++) {
      requireReachable(uri);
      HttpResponse<byte[]> response = send(uri);
      int status = response.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new DomainException.UpstreamFailed(
              "the calendar server redirected (" + status + ") without saying where");
        }
        uri = new CalendarAddress(uri.resolve(location.get())).uri();
        continue;
      }
      if (status != 200) {
        throw new DomainException.UpstreamFailed(
            "the calendar server answered " + status + " for " + address);
      }
      return response.body();
    }
    throw new DomainException.UpstreamFailed("the calendar server redirected too often");
  }

  /**
   * One request, its body included, within the timeout: a server that sends its headers and then
   * trickles the body does not hold a thread for longer than that.
   */
  private HttpResponse<byte[]> send(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "text/calendar, */*;q=0.5")
            .header("User-Agent", "Proxima calendar import")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(
            request,
            info ->
                info.statusCode() == 200
                    ? new LimitedBody(maxBytes)
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    try {
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new DomainException.UpstreamTimedOut("the calendar server did not answer in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DomainException.UpstreamTimedOut("interrupted while fetching the calendar");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw new DomainException.UpstreamFailed(
            "the calendar is larger than " + (maxBytes / 1024) + " KiB");
      }
      if (cause instanceof HttpTimeoutException) {
        throw new DomainException.UpstreamTimedOut("the calendar server did not answer in time");
      }
      throw new DomainException.UpstreamFailed(
          "the calendar server cannot be reached: " + cause.getClass().getSimpleName());
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("response larger than allowed");
    }
  }

  /** Collects the body, but gives up (and drops the connection) once it passes the limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> bytes =
        HttpResponse.BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final long limit;
    private long received;
    private Flow.Subscription subscription;

    LimitedBody(long limit) {
      this.limit = limit;
      bytes
          .getBody()
          .whenComplete(
              (body, failure) -> {
                if (failure == null) {
                  result.complete(body);
                } else {
                  result.completeExceptionally(failure);
                }
              });
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      bytes.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        received += item.remaining();
      }
      if (received > limit) {
        subscription.cancel();
        result.completeExceptionally(new TooLarge());
        return;
      }
      bytes.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
      bytes.onError(throwable);
    }

    @Override
    public void onComplete() {
      bytes.onComplete();
    }
  }

  /**
   * Refuses hosts that resolve into the platform's own network. Checked on every hop; a name that
   * changes its answer between this check and the connection (DNS rebinding) is the remaining gap,
   * closed in production by egress rules, not here.
   */
  void requireReachable(URI uri) {
    if (allowPrivateNetwork) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      throw new DomainException.UpstreamFailed(
          "the calendar host " + uri.getHost() + " is unknown");
    }
    for (InetAddress address : addresses) {
      if (internal(address)) {
        throw new DomainException.InvalidValue(
            "url", "url must point to a public server, not " + uri.getHost());
      }
    }
  }

  static boolean internal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      // 100.64/10 carrier-grade NAT, 0/8 "this network", 198.18/15 benchmarking.
      return first == 0
          || (first == 100 && second >= 64 && second < 128)
          || (first == 198 && (second == 18 || second == 19));
    }
    if (address instanceof Inet6Address) {
      // fc00::/7 unique local addresses.
      return (bytes[0] & 0xfe) == 0xfc;
    }
    return false;
  }
}
