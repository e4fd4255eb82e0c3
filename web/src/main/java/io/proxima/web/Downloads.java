package io.proxima.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Documents the API hands out as files. */
public final class Downloads {

  private Downloads() {}

  public static Response pdf(byte[] document, String baseName) {
    return Response.ok(document, "application/pdf")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + baseName + ".pdf\"")
        .build();
  }
}
