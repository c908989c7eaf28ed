package dev.diet.preflight;

import com.google.common.collect.ImmutableMap;
import dev.diet.generate.NameTemplate;
import dev.diet.generate.NameTemplateException;
import dev.diet.plan.NamingTemplate;
import dev.diet.plan.Plan;
import java.util.List;
import java.util.Map;

/**
 * Naming templates (our extension of the format) parse, use only the plan's own fields, so names
 * are the same on every run (no time, randomness or environment), and render an example name of
 * at most {@value #MAX_NAME_LENGTH} characters, NetBox's limit for device names.
 */
final class NamingTemplateCheck implements PlanCheck {
  static final int MAX_NAME_LENGTH = 64;

  /** The original's example context for the length check. */
  private static final Map<String, Object> EXAMPLE =
      ImmutableMap.<String, Object>builder()
          .put("site", "site1234")
          .put("class", "classname123")
          .put("category", "server")
          .put("fabric", "frontend")
          .put("role", "compute")
          .put("rack", 9999)
          .put("index", 9999)
          .build();

  @Override
  public void check(Plan plan, Problems problems) {
    List<NamingTemplate> templates = plan.namingTemplates();
    for (int i = 0; i < templates.size(); i++) {
      String path = "naming_templates[" + i + "].pattern";
      String pattern = templates.get(i).pattern();
      NameTemplate parsed;
      try {
        parsed = NameTemplate.parse(pattern);
      } catch (NameTemplateException e) {
        if (e.unknownField().isPresent()) {
          problems.error(
              "unknown_name_field",
              path,
              "pattern '" + pattern + "' uses {" + e.unknownField().get() + "}, which is not a field of the plan; names must come from the plan alone so every run gives the same names",
              e.hint().orElse(null));
        } else {
          problems.error("invalid_naming_template", path, e.getMessage(), e.hint().orElse(null));
        }
        continue;
      }
      String example = parsed.render(EXAMPLE);
      if (example.length() > MAX_NAME_LENGTH) {
        problems.error(
            "name_too_long",
            path,
            "pattern '" + pattern + "' gives names of up to " + example.length() + " characters (example '" + shorten(example) + "'); NetBox allows " + MAX_NAME_LENGTH,
            "shorten the literal text or the field widths");
      }
    }
  }

  static String shorten(String name) {
    return name.length() > 80 ? name.substring(0, 77) + "..." : name;
  }
}
