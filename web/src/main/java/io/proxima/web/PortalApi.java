package io.proxima.web;

import io.proxima.calendar.api.CalendarFeedResource;
import io.proxima.calendar.api.MyCalendarResource;
import io.proxima.candidates.api.CandidatesResource;
import io.proxima.console.MetricsResource;
import io.proxima.console.PlatformScopeFilter;
import io.proxima.contracts.api.ContractsResource;
import io.proxima.contracts.api.ESignatureCallbackResource;
import io.proxima.contracts.api.MyContractsResource;
import io.proxima.hiring.api.ApplicationsResource;
import io.proxima.hiring.api.ApplyResource;
import io.proxima.hiring.api.MyApplicationsResource;
import io.proxima.identity.api.MeResource;
import io.proxima.identity.api.SignInResource;
import io.proxima.identity.console.AccountsResource;
import io.proxima.invoicing.api.InvoicesResource;
import io.proxima.jobs.api.JobsResource;
import io.proxima.jobs.api.PostingsResource;
import io.proxima.live.api.BoardResource;
import io.proxima.live.api.MyLiveResource;
import io.proxima.matching.api.MatchesResource;
import io.proxima.matching.api.RecommendationsResource;
import io.proxima.payments.api.PaymentsResource;
import io.proxima.payments.api.StripeWebhookResource;
import io.proxima.platform.rest.PlatformProviders;
import io.proxima.privacy.console.MasterKeysResource;
import io.proxima.profile.api.MyProfileResource;
import io.proxima.profile.api.SharedProfileResource;
import io.proxima.scouts.api.MyScoutsResource;
import io.proxima.scouts.api.ScoutsResource;
import io.proxima.tenancy.api.MembersResource;
import io.proxima.tenancy.api.MyTenancyResource;
import io.proxima.tenancy.api.TenantAuditResource;
import io.proxima.tenancy.api.TenantResource;
import io.proxima.tenancy.api.WorkspacesResource;
import io.proxima.tenancy.console.AuditEventsResource;
import io.proxima.tenancy.console.AuditResource;
import io.proxima.tenancy.console.TenantsResource;
import io.proxima.web.tenancy.TenancyFilter;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The platform's one REST API: the tenant portal's, and under {@code /api/v1/platform/} the tenant
 * console's (platform admins only; its resources come from the console jar, {@code admin/}). Every
 * call carries a bearer token from the proxima realm, except the few public ones (a tenant's login
 * branding, a calendar feed whose address is its secret). One application for both, so a node runs
 * one JAX-RS runtime, one persistence unit, one pool and one migration run.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "proxima")
@DeclareRoles({"proxima-user", "platform-admin"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Proxima API",
            version = "v1",
            description =
                "Tenant portal: freelancers, companies and agencies. Tenant console"
                    + " (/api/v1/platform/…, platform admins only): tenants, plans, audit,"
                    + " monthly metrics."))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
@SecurityScheme(
    securitySchemeName = "apiKey",
    type = SecuritySchemeType.APIKEY,
    in = org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn.HEADER,
    apiKeyName = "X-Api-Key",
    description =
        "A tenant API key (prx_…), created by the tenant's administrators, on the tenant's"
            + " /t/{slug}/api/v1/… operations of the areas its scopes name: jobs, applications,"
            + " candidates, scouts, contracts, invoices (GET needs <area>:read, anything else"
            + " <area>:write). Another tenant's, a revoked or an unknown key answers 401; a key"
            + " without the scope 403.")
public class PortalApi extends Application {

  @Override
  public java.util.Map<String, Object> getProperties() {
    return PlatformProviders.properties();
  }

  @Override
  public Set<Class<?>> getClasses() {
    return PlatformProviders.with(
        TenancyFilter.class,
        io.proxima.web.tenancy.ApiKeyAuthentication.class,
        io.proxima.web.tenancy.RolesAllowedFeature.class,
        io.proxima.integrations.api.ApiKeysResource.class,
        io.proxima.integrations.api.WebhooksResource.class,
        MeResource.class,
        SignInResource.class,
        TenantResource.class,
        WorkspacesResource.class,
        MembersResource.class,
        io.proxima.tenancy.api.InvitationResource.class,
        io.proxima.tenancy.api.InvitationLinkResource.class,
        MyTenancyResource.class,
        io.proxima.tenancy.api.ConsentTermsChangedMapper.class,
        io.proxima.tenancy.api.AgencyDirectoryResource.class,
        io.proxima.tenancy.api.SharingPurposeResource.class,
        io.proxima.signup.api.MyOnboardingResource.class,
        io.proxima.signup.api.TalentInvitationsResource.class,
        io.proxima.signup.api.TalentInvitationLinkResource.class,
        io.proxima.signup.api.MyTalentInvitationsResource.class,
        io.proxima.privacy.api.MyDataExportResource.class,
        BoardResource.class,
        MyLiveResource.class,
        MyProfileResource.class,
        io.proxima.profile.api.MyPersonalDetailsResource.class,
        SharedProfileResource.class,
        JobsResource.class,
        PostingsResource.class,
        io.proxima.jobs.api.MySavedSearchesResource.class,
        io.proxima.jobs.api.MyFavouriteJobsResource.class,
        CandidatesResource.class,
        MatchesResource.class,
        RecommendationsResource.class,
        ScoutsResource.class,
        MyScoutsResource.class,
        ApplyResource.class,
        MyApplicationsResource.class,
        ApplicationsResource.class,
        InvoicesResource.class,
        ContractsResource.class,
        MyContractsResource.class,
        ESignatureCallbackResource.class,
        TenantAuditResource.class,
        PaymentsResource.class,
        StripeWebhookResource.class,
        MyCalendarResource.class,
        CalendarFeedResource.class,
        io.proxima.notifications.api.MyNotificationsResource.class,
        io.proxima.notifications.api.NotificationsResource.class,
        io.proxima.notifications.api.UnsubscribeResource.class,
        OperatorHealthResource.class,
        // The tenant console.
        PlatformScopeFilter.class,
        MetricsResource.class,
        AccountsResource.class,
        TenantsResource.class,
        io.proxima.tenancy.console.TenantDeletionsResource.class,
        AuditResource.class,
        AuditEventsResource.class,
        MasterKeysResource.class);
  }
}
