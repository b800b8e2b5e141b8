package dev.posture.input;

/**
 * Input the user gave us is wrong. Carries where (file, line, JSON path) and what was expected, so the
 * CLI can print one precise line and exit with the "invalid input" code.
 */
public class InputException extends RuntimeException {
  private final String source;
  private final int line;
  private final String path;
  private final String problem;

  public InputException(String source, int line, String path, String problem) {
    super(format(source, line, path, problem));
    this.source = source;
    this.line = line;
    this.path = path;
    this.problem = problem;
  }

  public InputException(String source, String problem) {
    this(source, 0, null, problem);
  }

  public String source() {
    return source;
  }

  /** 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** JSON path such as {@code $.actions[3].maxScore}, or null. */
  public String path() {
    return path;
  }

  public String problem() {
    return problem;
  }

  private static String format(String source, int line, String path, String problem) {
    StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(problem).toString();
  }
}
