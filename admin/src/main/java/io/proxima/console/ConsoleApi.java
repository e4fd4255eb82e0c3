package io.proxima.console;

import io.proxima.identity.console.AccountsResource;
import io.proxima.platform.rest.PlatformProviders;
import io.proxima.tenancy.console.AuditEventsResource;
import io.proxima.tenancy.console.AuditResource;
import io.proxima.tenancy.console.TenantsResource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The tenant console's REST API, for platform admins only. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "proxima")
@DeclareRoles({"proxima-user", "platform-admin"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Proxima tenant console API",
            version = "v1",
            description = "Platform administration: tenants, plans, audit, monthly metrics."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class ConsoleApi extends Application {

  @Override
  public java.util.Map<String, Object> getProperties() {
    return PlatformProviders.properties();
  }

  @Override
  public Set<Class<?>> getClasses() {
    return PlatformProviders.with(
        PlatformScopeFilter.class,
        MetricsResource.class,
        AccountsResource.class,
        TenantsResource.class,
        AuditResource.class,
        AuditEventsResource.class);
  }
}
