package dev.diet.generate;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A device-name pattern in the subset of Python's {@code str.format} DIET accepts: literal text,
 * {@code {{}} and {@code }}}, and fields {@code {name}} or {@code {name:spec}} where spec is {@code
 * [[fill]align][0][width][d|s]}. Only the plan's own fields are allowed, so names stay
 * deterministic.
 */
public final class NameTemplate {
  /** Fields a template may use: the naming context of a device. */
  public static final Set<String> FIELDS = ImmutableSet.of("site", "class", "category", "fabric", "role", "rack", "index");

  /** Fields holding integers; all others are text. */
  private static final Set<String> INT_FIELDS = ImmutableSet.of("rack", "index");

  private final String pattern;
  private final ImmutableList<Piece> pieces;

  private NameTemplate(String pattern, List<Piece> pieces) {
    this.pattern = pattern;
    this.pieces = ImmutableList.copyOf(pieces);
  }

  /** Parses {@code pattern}; throws {@link NameTemplateException} saying what is wrong. */
  public static NameTemplate parse(String pattern) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '}') {
        throw new NameTemplateException("pattern '" + pattern + "' has a single '}' at position " + (i + 1) + "; write }} for a literal brace");
      } else if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close < 0) {
          throw new NameTemplateException("pattern '" + pattern + "' opens a field at position " + (i + 1) + " that is never closed");
        }
        if (literal.length() > 0) {
          pieces.add(Piece.literal(literal.toString()));
          literal.setLength(0);
        }
        pieces.add(parseField(pattern, pattern.substring(i + 1, close)));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      pieces.add(Piece.literal(literal.toString()));
    }
    return new NameTemplate(pattern, pieces);
  }

  private static Piece parseField(String pattern, String body) {
    int colon = body.indexOf(':');
    String name = colon < 0 ? body : body.substring(0, colon);
    String spec = colon < 0 ? "" : body.substring(colon + 1);
    if (name.isEmpty()) {
      throw new NameTemplateException("pattern '" + pattern + "' has an empty field {}; name a field such as {index}");
    }
    if (name.contains("!") || name.contains(".") || name.contains("[") || name.contains("{")) {
      throw new NameTemplateException("pattern '" + pattern + "' uses '" + name + "': conversions, attributes and indexing are not allowed");
    }
    if (!FIELDS.contains(name)) {
      throw new NameTemplateException("pattern '" + pattern + "' uses unknown field " + name, name);
    }
    return Piece.field(name, FormatSpec.parse(pattern, name, spec, INT_FIELDS.contains(name)));
  }

  /** The text the template was parsed from. */
  public String pattern() {
    return pattern;
  }

  /** Fields the template uses, in order of appearance. */
  public List<String> fields() {
    List<String> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (p.field != null) {
        out.add(p.field);
      }
    }
    return out;
  }

  /** Renders with {@code context} (field name to String or Integer value). */
  public String render(Map<String, ?> context) {
    StringBuilder out = new StringBuilder();
    for (Piece p : pieces) {
      if (p.field == null) {
        out.append(p.literal);
      } else {
        Object v = context.get(p.field);
        if (v == null) {
          throw new NameTemplateException("pattern '" + pattern + "' needs field " + p.field + ", which this device does not have");
        }
        out.append(p.spec.apply(v));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static final class Piece {
    final String literal;
    final String field;
    final FormatSpec spec;

    private Piece(String literal, String field, FormatSpec spec) {
      this.literal = literal;
      this.field = field;
      this.spec = spec;
    }

    static Piece literal(String text) {
      return new Piece(text, null, null);
    }

    static Piece field(String name, FormatSpec spec) {
      return new Piece(null, name, spec);
    }
  }

  /** {@code [[fill]align][0][width][type]} applied to one value. */
  private static final class FormatSpec {
    final char fill;
    final char align;
    final int width;
    final char type;

    private FormatSpec(char fill, char align, int width, char type) {
      this.fill = fill;
      this.align = align;
      this.width = width;
      this.type = type;
    }

    static FormatSpec parse(String pattern, String field, String spec, boolean integer) {
      int i = 0;
      char fill = ' ';
      char align = 0;
      if (spec.length() >= 2 && isAlign(spec.charAt(1))) {
        fill = spec.charAt(0);
        align = spec.charAt(1);
        i = 2;
      } else if (!spec.isEmpty() && isAlign(spec.charAt(0))) {
        align = spec.charAt(0);
        i = 1;
      }
      if (i < spec.length() && spec.charAt(i) == '0' && align == 0) {
        fill = '0';
        align = '=';
        i++;
      }
      int start = i;
      while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      int width = 0;
      if (i > start) {
        if (i - start > 3) {
          throw new NameTemplateException("pattern '" + pattern + "': width in {" + field + ":" + spec + "} is too large");
        }
        width = Integer.parseInt(spec.substring(start, i));
      }
      char type = integer ? 'd' : 's';
      if (i < spec.length()) {
        type = spec.charAt(i);
        i++;
      }
      if (i != spec.length() || (type != 'd' && type != 's')) {
        throw new NameTemplateException("pattern '" + pattern + "' has a bad format spec '" + spec + "' in {" + field + "}");
      }
      if (type == 'd' && !integer) {
        throw new NameTemplateException("pattern '" + pattern + "': {" + field + "} is text and cannot be formatted with 'd'");
      }
      if (align == 0) {
        align = type == 'd' ? '>' : '<';
      }
      return new FormatSpec(fill, align, width, type);
    }

    private static boolean isAlign(char c) {
      return c == '<' || c == '>' || c == '^' || c == '=';
    }

    String apply(Object value) {
      String text = value.toString();
      if (text.length() >= width) {
        return text;
      }
      int pad = width - text.length();
      String fillText = String.valueOf(fill).repeat(pad);
      switch (align) {
        case '<':
          return text + fillText;
        case '^':
          return String.valueOf(fill).repeat(pad / 2) + text + String.valueOf(fill).repeat(pad - pad / 2);
        case '=':
          if (text.startsWith("-")) {
            return "-" + fillText + text.substring(1);
          }
          return fillText + text;
        default:
          return fillText + text;
      }
    }
  }
}
