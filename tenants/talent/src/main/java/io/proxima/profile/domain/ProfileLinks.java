package io.proxima.profile.domain;

import io.proxima.platform.error.DomainException;
import io.proxima.platform.text.Texts;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the freelancer's work can be seen.
 *
 * @param githubUsername the GitHub login, whose public repositories the profile shows
 * @param portfolioUrl an http(s) address
 */
public record ProfileLinks(String githubUsername, String portfolioUrl) {

  public static final ProfileLinks NONE = new ProfileLinks(null, null);

  // GitHub's own rule: alphanumerics and single hyphens, 39 at most, no hyphen at either end.
  private static final Pattern GITHUB_LOGIN =
      Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$");

  public ProfileLinks {
    githubUsername = Texts.optional(githubUsername, "GitHub username", 39);
    if (githubUsername != null && !GITHUB_LOGIN.matcher(githubUsername).matches()) {
      throw new DomainException.InvalidValue("not a GitHub username: " + githubUsername);
    }
    portfolioUrl = Texts.optional(portfolioUrl, "portfolio URL", 500);
    if (portfolioUrl != null) {
      try {
        URI uri = URI.create(portfolioUrl);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            || uri.getHost() == null) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        throw new DomainException.InvalidValue("the portfolio URL must be an http(s) address");
      }
    }
  }
}
