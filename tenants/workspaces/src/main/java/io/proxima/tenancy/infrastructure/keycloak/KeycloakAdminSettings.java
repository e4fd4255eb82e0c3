package io.proxima.tenancy.infrastructure.keycloak;

/**
 * Where the Keycloak admin API is and how the platform signs in to it: the client-credentials grant
 * of a service-account client in the realm it manages (never the master realm's admin).
 */
record KeycloakAdminSettings(String serverUrl, String realm, String clientId, String clientSecret) {

  KeycloakAdminSettings {
    require(serverUrl, "proxima.keycloak.url");
    require(realm, "proxima.keycloak.realm");
    require(clientId, "proxima.keycloak.provisioner.client-id");
    require(clientSecret, "proxima.keycloak.provisioner.secret");
    serverUrl = serverUrl.strip().replaceAll("/+$", "");
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is not configured");
    }
  }

  /** Records print every component; the secret must never reach a log line. */
  @Override
  public String toString() {
    return "KeycloakAdminSettings[serverUrl="
        + serverUrl
        + ", realm="
        + realm
        + ", clientId="
        + clientId
        + ", clientSecret=***]";
  }
}
