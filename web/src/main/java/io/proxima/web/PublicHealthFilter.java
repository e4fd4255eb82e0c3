package io.proxima.web;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * MicroProfile Health, which Payara serves inside the root WAR, answers load balancers and probes
 * with each check's name and status only. The checks' data (the node's cluster address, the
 * database role, the identity provider's address) is for operators, at {@code
 * /api/v1/platform/health}.
 */
@WebFilter(urlPatterns = "/health/*", asyncSupported = true)
public class PublicHealthFilter extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Captured captured = new Captured(response);
    chain.doFilter(request, captured);
    byte[] body = withoutData(captured.body());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  static byte[] withoutData(byte[] health) {
    JsonObject document;
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(health))) {
      document = reader.readObject();
    } catch (JsonParsingException | IllegalStateException | ClassCastException e) {
      // Not a health document (an error page): nothing of the checks to hide.
      return health;
    }
    var out = Json.createObjectBuilder(document);
    if (document.get("checks") instanceof jakarta.json.JsonArray checks) {
      JsonArrayBuilder bare = Json.createArrayBuilder();
      for (JsonValue check : checks) {
        if (check instanceof JsonObject object) {
          bare.add(Json.createObjectBuilder(object).remove("data"));
        }
      }
      out.add("checks", bare);
    }
    return out.build().toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Holds the health document back so that its details can be taken out before it is sent. */
  private static final class Captured extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private PrintWriter writer;

    Captured(HttpServletResponse response) {
      super(response);
    }

    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toByteArray();
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return new ServletOutputStream() {
        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new IllegalStateException("health answers are written synchronously");
        }

        @Override
        public void write(int b) {
          buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
          buffer.write(bytes, offset, length);
        }
      };
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      // the length of the filtered document is set instead
    }

    @Override
    public void setContentLengthLong(long length) {
      // the length of the filtered document is set instead
    }

    @Override
    public void flushBuffer() {
      // held until the details are removed
    }
  }
}
