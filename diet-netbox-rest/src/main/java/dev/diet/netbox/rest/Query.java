package dev.diet.netbox.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Query parameters of a NetBox list request, in order; a name may repeat (NetBox ORs the values). */
final class Query {
  private final List<String[]> params = new ArrayList<>();

  static Query of(String name, Object value) {
    return new Query().and(name, value);
  }

  Query and(String name, Object value) {
    params.add(new String[] {name, String.valueOf(value)});
    return this;
  }

  Query andAll(String name, Collection<?> values) {
    values.forEach(v -> and(name, v));
    return this;
  }

  Query copy() {
    Query q = new Query();
    q.params.addAll(params);
    return q;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (String[] p : params) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
