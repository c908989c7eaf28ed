package dev.diet.netbox.jdbc;

/** PostgreSQL's COPY text format for one field: backslash escapes for backslash, tab, newline and return. */
public final class CopyText {
  private CopyText() {}

  /** Appends {@code s} to {@code out} as a COPY text field (the caller writes {@code \N} for null). */
  public static void append(StringBuilder out, String s) {
    int plain = 0;
    while (plain < s.length()) {
      char c = s.charAt(plain);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        break;
      }
      plain++;
    }
    if (plain == s.length()) {
      out.append(s);
      return;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          out.append(c);
      }
    }
  }
}
