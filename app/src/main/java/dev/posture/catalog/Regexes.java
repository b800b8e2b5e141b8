package dev.posture.catalog;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The regular expressions of checks' {@code matches}, compiled with RE2 (linear-time matching) and
 * bounded in size. RE2 writes out every counted repetition when it compiles, so nested ones multiply:
 * {@code ((a{1000}){1000}){1000}} would be a thousand million instructions and exhaust the compiler.
 * The size a pattern would have is therefore estimated from its text first, and only a pattern within
 * the bound is compiled; the compiled program is checked against it too.
 */
final class Regexes {
  /** Instructions a compiled pattern may have; a pattern a check needs has tens. */
  static final int MAX_PROGRAM_SIZE = 10_000;
  /** Patterns kept compiled: a check's patterns are few, so a full cache is a sign of patterns from data. */
  private static final int KEPT = 256;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private Regexes() {}

  /** A regular expression that cannot be used, and why. */
  static final class Refused extends IllegalArgumentException {
    Refused(String message) {
      super(message);
    }
  }

  /** Whether {@code pattern} matches somewhere in {@code text}, as CEL's {@code matches} does. */
  static boolean matches(String text, String pattern) {
    return compile(pattern).matcher(text).find();
  }

  /** @throws Refused when the pattern is malformed or too large */
  static Pattern compile(String pattern) {
    Pattern compiled = COMPILED.get(pattern);
    if (compiled != null) {
      return compiled;
    }
    if (estimatedSize(pattern) > MAX_PROGRAM_SIZE) {
      throw tooLarge(pattern);
    }
    try {
      compiled = Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new Refused("the regular expression " + quoted(pattern) + " is not valid: " + e.getDescription());
    }
    if (compiled.programSize() > MAX_PROGRAM_SIZE) {
      throw tooLarge(pattern);
    }
    if (COMPILED.size() >= KEPT) {
      COMPILED.clear();
    }
    COMPILED.put(pattern, compiled);
    return compiled;
  }

  private static Refused tooLarge(String pattern) {
    return new Refused("the regular expression " + quoted(pattern) + " would compile to more than " + MAX_PROGRAM_SIZE
        + " instructions (counted repetitions such as {1000} multiply when nested)");
  }

  private static String quoted(String pattern) {
    return "'" + (pattern.length() > 40 ? pattern.substring(0, 40) + "…" : pattern) + "'";
  }

  /**
   * About how many instructions RE2 would compile {@code pattern} to: a unit for each character,
   * class or escape, a group the sum of what it holds, and a counted repetition its item times the
   * count. Saturates far above the bound, so that it never overflows.
   */
  static long estimatedSize(String pattern) {
    final long ceiling = 1L << 40;
    java.util.ArrayDeque<Long> outer = new java.util.ArrayDeque<>();
    long total = 0;
    long last = 0;
    int i = 0;
    int n = pattern.length();
    while (i < n) {
      char c = pattern.charAt(i);
      int next = i + 1;
      long item = 1;
      switch (c) {
        case '\\' -> next = afterEscape(pattern, i);
        case '[' -> next = afterClass(pattern, i);
        case '(' -> {
          outer.push(total);
          total = 0;
          last = 0;
          i = afterGroupFlags(pattern, next);
          continue;
        }
        case ')' -> {
          item = Math.max(1, total);
          total = outer.isEmpty() ? 0 : outer.pop();
        }
        case '|' -> {
          last = 0;
          i = next;
          continue;
        }
        case '*', '+', '?' -> {
          total = Math.min(ceiling, total + 1);
          i = next;
          continue;
        }
        case '{' -> {
          int[] repeat = repeat(pattern, i);
          if (repeat != null) {
            long count = Math.max(1, repeat[1] >= 0 ? repeat[1] : repeat[0] + 1L);
            total = Math.min(ceiling, total + last * (count - 1) + 1);
            last = Math.min(ceiling, last * count);
            i = repeat[2];
            continue;
          }
        }
        default -> { }
      }
      total = Math.min(ceiling, total + item);
      last = item;
      i = next;
    }
    while (!outer.isEmpty()) {
      total = Math.min(ceiling, total + outer.pop());
    }
    return total;
  }

  /** Past {@code \x}, {@code \p{Greek}}, {@code \x{263a}} or {@code \Q...\E}. */
  private static int afterEscape(String p, int at) {
    int i = at + 1;
    if (i >= p.length()) {
      return i;
    }
    char c = p.charAt(i);
    if ((c == 'p' || c == 'P' || c == 'x') && i + 1 < p.length() && p.charAt(i + 1) == '{') {
      int close = p.indexOf('}', i);
      return close < 0 ? p.length() : close + 1;
    }
    if (c == 'Q') {
      int end = p.indexOf("\\E", i);
      return end < 0 ? p.length() : end + 2;
    }
    return i + 1;
  }

  /** Past a character class, {@code [^]a-z[:digit:]\]]} included. */
  private static int afterClass(String p, int at) {
    int i = at + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    if (i < p.length() && p.charAt(i) == ']') {
      i++;
    }
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '\\') {
        i = afterEscape(p, i);
      } else if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
        int close = p.indexOf(":]", i + 2);
        i = close < 0 ? p.length() : close + 2;
      } else if (c == ']') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  /** Past the {@code ?:}, {@code ?i:} or {@code ?P<name>} that may open a group. */
  private static int afterGroupFlags(String p, int at) {
    if (at >= p.length() || p.charAt(at) != '?') {
      return at;
    }
    int i = at + 1;
    while (i < p.length() && p.charAt(i) != ':' && p.charAt(i) != ')' && p.charAt(i) != '>') {
      i++;
    }
    return i < p.length() && p.charAt(i) != ')' ? i + 1 : i;
  }

  /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}: {n, m or -1, the index after}; null if it is a plain brace. */
  private static int[] repeat(String p, int at) {
    int i = at + 1;
    int min = 0;
    int digits = 0;
    while (i < p.length() && Character.isDigit(p.charAt(i)) && digits < 9) {
      min = min * 10 + (p.charAt(i++) - '0');
      digits++;
    }
    if (digits == 0 || i >= p.length()) {
      return null;
    }
    int max = min;
    if (p.charAt(i) == ',') {
      i++;
      max = -1;
      int maxDigits = 0;
      int m = 0;
      while (i < p.length() && Character.isDigit(p.charAt(i)) && maxDigits < 9) {
        m = m * 10 + (p.charAt(i++) - '0');
        maxDigits++;
      }
      if (maxDigits > 0) {
        max = m;
      }
    }
    return i < p.length() && p.charAt(i) == '}' ? new int[] {min, max, i + 1} : null;
  }
}
