package io.proxima.profile.domain;

/** Where a freelancer's public work is read from (GitHub); a port so tests use a local stub. */
public interface PortfolioSource {

  Portfolio fetch(String githubUsername);
}
