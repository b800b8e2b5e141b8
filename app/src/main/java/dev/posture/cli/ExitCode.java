package dev.posture.cli;

/** The exit codes, one place for all; {@code posture --help} lists them. */
public final class ExitCode {
  public static final int OK = 0;
  public static final int GATE_FAILED = 1;
  public static final int USAGE = 2;
  public static final int INVALID_INPUT = 3;
  public static final int PERMISSION_DENIED = 4;
  public static final int INTERNAL_ERROR = 70;

  private ExitCode() {}
}
