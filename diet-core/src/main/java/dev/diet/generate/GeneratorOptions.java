package dev.diet.generate;

import java.util.Objects;

/** Choices a caller makes around a plan: the NetBox site the devices go to. */
public final class GeneratorOptions {
  private static final GeneratorOptions DEFAULTS = new GeneratorOptions("hedgehog", "Hedgehog");

  private final String siteSlug;
  private final String siteName;

  private GeneratorOptions(String siteSlug, String siteName) {
    this.siteSlug = Objects.requireNonNull(siteSlug, "siteSlug");
    this.siteName = Objects.requireNonNull(siteName, "siteName");
    if (siteSlug.isBlank()) {
      throw new IllegalArgumentException("site slug is blank");
    }
  }

  /** Site slug {@code hedgehog}, name {@code Hedgehog}, as the original DIET. */
  public static GeneratorOptions defaults() {
    return DEFAULTS;
  }

  /** Devices go to site {@code slug}; its name is the slug with dashes as spaces, title-cased ({@code lab-east} → {@code Lab East}). */
  public GeneratorOptions withSite(String slug) {
    return new GeneratorOptions(slug, Naming.title(slug));
  }

  public GeneratorOptions withSite(String slug, String name) {
    return new GeneratorOptions(slug, name);
  }

  public String siteSlug() {
    return siteSlug;
  }

  public String siteName() {
    return siteName;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GeneratorOptions && ((GeneratorOptions) o).siteSlug.equals(siteSlug) && ((GeneratorOptions) o).siteName.equals(siteName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(siteSlug, siteName);
  }

  @Override
  public String toString() {
    return "site " + siteSlug + " (" + siteName + ")";
  }
}
