package io.proxima.tenancy.interfaces;

import io.proxima.tenancy.domain.Branding;
import java.util.List;

/** A tenant's brand as both the portal and the console show it in JSON. */
public record BrandingView(
    String displayName,
    String logoUrl,
    String primaryColor,
    String accentColor,
    List<String> hostNames) {

  public static BrandingView of(Branding branding) {
    return new BrandingView(
        branding.displayName(),
        branding.logoUrl(),
        branding.primaryColor(),
        branding.accentColor(),
        branding.hostNames());
  }
}
