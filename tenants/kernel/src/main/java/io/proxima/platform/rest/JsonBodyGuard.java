package io.proxima.platform.rest;

import io.proxima.platform.error.DomainException;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Every JSON request body passes {@link JsonInput}'s rules before JSON-B binds it: one place, so no
 * resource can forget, and a NUL or a lone surrogate never reaches PostgreSQL or the live entities
 * (where a failed write would come back as "try again"). Bodies a resource reads itself ({@link
 * InputStream}, {@code byte[]}, {@link Reader}: uploads, webhooks whose signature covers the exact
 * bytes) are not touched.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonBodyGuard implements ReaderInterceptor {

  /** Larger than any JSON body of ours (a JSON Resume import is a few hundred KiB at most). */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context)
      throws IOException, WebApplicationException {
    if (!isJson(context.getMediaType()) || readsItself(context.getType())) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw new DomainException.TooLarge(
          "body", "a JSON request body is at most " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    if (!isBlank(body)) {
      JsonValue parsed = JsonInput.read(body);
      if (context.getType() != String.class) {
        // A String entity is the document's text, which its resource reads itself.
        JsonInput.checkShape(parsed, context.getGenericType());
      }
    }
    context.setInputStream(new ByteArrayInputStream(body));
    try {
      return context.proceed();
    } catch (JsonbException | JsonException | ProcessingException e) {
      throw unbound(e);
    } catch (WebApplicationException e) {
      if (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonException) {
        throw unbound(e.getCause());
      }
      throw e;
    }
  }

  /** The domain's own reason when a value object refused while being bound, else a plain 400. */
  private static RuntimeException unbound(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DomainException problem) {
        return problem;
      }
    }
    return new DomainException.InvalidValue(
        "body", "The request body is not valid JSON for this operation.");
  }

  private static boolean isJson(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.getSubtype();
    return "json".equalsIgnoreCase(subtype) || subtype.toLowerCase().endsWith("+json");
  }

  private static boolean readsItself(Class<?> type) {
    return InputStream.class.isAssignableFrom(type)
        || Reader.class.isAssignableFrom(type)
        || type == byte[].class;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
