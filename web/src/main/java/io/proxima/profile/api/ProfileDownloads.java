package io.proxima.profile.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Profile documents as downloads, and file names out of upload headers. */
final class ProfileDownloads {

  private static final Pattern FILENAME_STAR =
      Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern FILENAME =
      Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private ProfileDownloads() {}

  static Response json(String document, String baseName) {
    return Response.ok(document, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + baseName + ".json\"")
        .build();
  }

  static Response pdf(byte[] document, String baseName) {
    return io.proxima.web.Downloads.pdf(document, baseName);
  }

  /** The file name of a Content-Disposition header; RFC 5987 UTF-8 names (Japanese) first. */
  static String fileNameOf(String disposition) {
    if (disposition == null) {
      return null;
    }
    Matcher star = FILENAME_STAR.matcher(disposition);
    if (star.find()) {
      return java.net.URLDecoder.decode(
          star.group(1).strip(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Matcher plain = FILENAME.matcher(disposition);
    return plain.find() ? plain.group(1).strip() : null;
  }
}
