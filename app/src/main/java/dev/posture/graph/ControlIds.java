package dev.posture.graph;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Control names as Graph writes them. Some carry a numeric prefix ({@code 11770.MDA_Google_...}) that
 * the catalogue does not; the same control is then matched by the name after the prefix.
 */
public final class ControlIds {
  private static final Pattern NUMERIC_PREFIX = Pattern.compile("^\\d+\\.");

  private ControlIds() {}

  /** The name without a numeric prefix. */
  public static String bare(String name) {
    return NUMERIC_PREFIX.matcher(name).replaceFirst("");
  }

  /** The key two spellings of one control share: no prefix, case ignored. */
  public static String key(String name) {
    return bare(name).toLowerCase(Locale.ROOT);
  }
}
