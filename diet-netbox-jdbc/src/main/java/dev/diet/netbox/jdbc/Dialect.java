package dev.diet.netbox.jdbc;

/** The SQL that differs between NetBox's PostgreSQL and DIET's embedded H2 schema. */
enum Dialect {
  POSTGRES {
    @Override
    String planFilter(String alias) {
      return prefix(alias) + "custom_field_data->>'diet_plan' = ?";
    }

    @Override
    String notPlanFilter(String alias) {
      return "COALESCE(" + prefix(alias) + "custom_field_data->>'diet_plan', '') <> ?";
    }

    @Override
    String planParameter(String planId) {
      return planId;
    }

    @Override
    String jsonParameter() {
      return "CAST(? AS jsonb)";
    }

    @Override
    String jsonText(String column) {
      return column + "::text";
    }

    @Override
    String allocateIds(String table) {
      return "SELECT nextval('" + table + "_id_seq') FROM generate_series(1, ?)";
    }
  },
  H2 {
    @Override
    String planFilter(String alias) {
      return prefix(alias) + "custom_field_data LIKE ? ESCAPE '\\'";
    }

    @Override
    String notPlanFilter(String alias) {
      return prefix(alias) + "custom_field_data NOT LIKE ? ESCAPE '\\'";
    }

    @Override
    String planParameter(String planId) {
      String quoted = OBJECT_MAPPER_QUOTE.apply(planId);
      return "%\"diet_plan\":" + quoted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    @Override
    String jsonParameter() {
      return "?";
    }

    @Override
    String jsonText(String column) {
      return column;
    }

    @Override
    String allocateIds(String table) {
      return "SELECT NEXT VALUE FOR " + table + "_id_seq FROM SYSTEM_RANGE(1, ?)";
    }
  };

  private static final java.util.function.Function<String, String> OBJECT_MAPPER_QUOTE =
      s -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(s).toString();

  /**
   * A condition selecting rows owned by a plan, with one parameter ({@link #planParameter}). On H2
   * it is a pre-filter on the JSON text; callers check the decoded plan id as well.
   */
  abstract String planFilter(String alias);

  /** The negation of {@link #planFilter}, true for rows without any plan. */
  abstract String notPlanFilter(String alias);

  abstract String planParameter(String planId);

  /** The placeholder for a JSON value given as text. */
  abstract String jsonParameter();

  /** An expression reading a JSON column as text. */
  abstract String jsonText(String column);

  /** A query returning {@code ?} fresh ids of a table's sequence. */
  abstract String allocateIds(String table);

  private static String prefix(String alias) {
    return alias == null || alias.isEmpty() ? "" : alias + ".";
  }
}
