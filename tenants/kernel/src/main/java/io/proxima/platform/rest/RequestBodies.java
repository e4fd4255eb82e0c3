package io.proxima.platform.rest;

import io.proxima.platform.error.DomainException;

/**
 * Request bodies as the resources receive them. The JSON records of the REST layer carry no Bean
 * Validation annotations: Payara's OpenAPI generator fails with a server error on a constrained
 * record component (checked on 6.2025.10). The constraints live on the application services'
 * commands and signatures, which is where they belong anyway; this only turns a missing body into a
 * 400 instead of a NullPointerException.
 */
public final class RequestBodies {

  private RequestBodies() {}

  public static <T> T required(T body) {
    return required(body, "body");
  }

  /** A member of the body that must be there, named as the caller writes it. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new DomainException.InvalidValue(
          field, field.equals("body") ? "a JSON request body is required" : field + " is required");
    }
    return value;
  }
}
