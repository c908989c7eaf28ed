package dev.diet.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Natural order of NIC port names: runs of digits compare as numbers, other text case-insensitively,
 * so {@code port2} comes before {@code port10}. Names that differ only in case compare equal.
 */
final class NaturalOrder implements Comparator<String> {
  static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    List<String> ca = chunks(a);
    List<String> cb = chunks(b);
    for (int i = 0; i < Math.min(ca.size(), cb.size()); i++) {
      int c = i % 2 == 0 ? ca.get(i).toLowerCase(Locale.ROOT).compareTo(cb.get(i).toLowerCase(Locale.ROOT)) : compareDigits(ca.get(i), cb.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ca.size(), cb.size());
  }

  /** Text, digits, text, digits, ..., text: the first and last chunk may be empty. */
  private static List<String> chunks(String s) {
    List<String> out = new ArrayList<>();
    int start = 0;
    boolean digits = false;
    for (int i = 0; i < s.length(); i++) {
      boolean d = Character.isDigit(s.charAt(i));
      if (d != digits) {
        out.add(s.substring(start, i));
        start = i;
        digits = d;
      }
    }
    out.add(s.substring(start));
    if (digits) {
      out.add("");
    }
    return out;
  }

  private static int compareDigits(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
