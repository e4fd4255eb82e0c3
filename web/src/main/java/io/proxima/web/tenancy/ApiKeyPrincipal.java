package io.proxima.web.tenancy;

import io.proxima.integrations.application.ApiKeys;
import java.security.Principal;

/** The caller of a request made with an API key; its name is the key's subject, not its secret. */
public record ApiKeyPrincipal(ApiKeys.Opened key) implements Principal {

  @Override
  public String getName() {
    return key.subject();
  }
}
