package io.proxima.profile.infrastructure;

import io.proxima.platform.pdf.JapaneseDocument;
import io.proxima.profile.domain.PortableProfile;
import io.proxima.profile.domain.Profile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The portable profile: JSON Resume (with Proxima's block) and the printable skill sheet. */
@ApplicationScoped
public class PortableProfileDocuments implements PortableProfile {

  private final SkillSheetPdf pdf;

  protected PortableProfileDocuments() {
    this.pdf = null;
  }

  @Inject
  public PortableProfileDocuments(
      @ConfigProperty(name = "proxima.profile.pdf.font") Optional<String> font) {
    this.pdf = new SkillSheetPdf(JapaneseDocument.findFont(font.orElse(null)));
  }

  @Override
  public String toJson(Profile profile) {
    return JsonResume.write(profile);
  }

  @Override
  public Profile fromJson(String subject, String json) {
    return JsonResume.read(subject, json);
  }

  @Override
  public byte[] toPdf(Profile profile) {
    return pdf.render(profile);
  }
}
