package dev.posture.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option value is checked when the command line is read: a value out of range is a usage error
 * (exit 2) with one message in posture's words, before anything is read or written, whether it was
 * typed or came from a variable.
 */
class OptionValuesTest {
  private static final String CONTOSO = "../samples/contoso";

  static List<Arguments> outOfRange() {
    return List.of(
        Arguments.of(List.of("assess", CONTOSO, "--top", "-1"), "Invalid value for option '--top': expected a whole number of 0 or more, found '-1'"),
        Arguments.of(List.of("assess", CONTOSO, "--top", "many"), "Invalid value for option '--top': expected a whole number of 0 or more, found 'many'"),
        Arguments.of(List.of("assess", CONTOSO, "--top", "99999999999"),
            "Invalid value for option '--top': expected a whole number of 0 or more, found '99999999999'"),
        Arguments.of(List.of("actions", "list", CONTOSO, "--width", "19"), "Invalid value for option '--width': expected 20 or more columns, found '19'"),
        Arguments.of(List.of("snapshot", "generate", "--users", "-5"), "Invalid value for option '--users': expected a whole number of 0 or more, found '-5'"),
        Arguments.of(List.of("snapshot", "generate", "--devices", "-1"), "Invalid value for option '--devices': expected a whole number of 0 or more, found '-1'"),
        Arguments.of(List.of("notes", "remove", CONTOSO, "OneAdmin", "0", "--actor", "a@b"),
            "Invalid value for positional parameter at index 2 (NUMBER): expected a whole number of 1 or more, found '0'"),
        Arguments.of(List.of("status", "set", CONTOSO, "OneAdmin", "--status", "risk-accepted", "--note", "x", "--review-by", "2027-13-01"),
            "Invalid value for option '--review-by': expected a date such as 2027-03-31 (YYYY-MM-DD), found '2027-13-01'"),
        Arguments.of(List.of("remediation", "request", CONTOSO, "scid_2090", "--due", "+999999999-12-31"),
            "Invalid value for option '--due': expected a date such as 2027-03-31 (YYYY-MM-DD), found '+999999999-12-31'"),
        Arguments.of(List.of("status", "set", CONTOSO, "OneAdmin", "--status", "bogus"),
            "Invalid value for option '--status': expected one of to-address, planned, risk-accepted, third-party, alternate-mitigation, found 'bogus'"),
        Arguments.of(List.of("status", "set", CONTOSO, "OneAdmin", "--status", "completed"),
            "Invalid value for option '--status': Completed is derived from the data and cannot be set; expected one of to-address, planned, "
                + "risk-accepted, third-party, alternate-mitigation, found 'completed'"),
        Arguments.of(List.of("actions", "list", CONTOSO, "--sort", "points"),
            "Invalid value for option '--sort': expected one of rank, remaining, max, title, found 'points'"),
        Arguments.of(List.of("actions", "list", CONTOSO, "--category", "network"),
            "Invalid value for option '--category': expected one of identity, device, apps, data, found 'network'"));
  }

  @ParameterizedTest
  @MethodSource("outOfRange")
  void aValueOutOfRangeIsAUsageErrorInPosturesWords(List<String> args, String message) {
    Cli.Result r = Cli.run(args.toArray(String[]::new)).exited(ExitCode.USAGE);

    assertThat(r.err()).startsWith("posture: " + message + "\n").doesNotContain("Exception", "java.");
  }

  @Test
  void aValueOutOfRangeFromAVariableIsAUsageErrorNamingIt(@TempDir Path dir) {
    Cli.Result r = Cli.runIn(Map.of("POSTURE_TOP", "-1"), dir, "assess", CONTOSO).exited(ExitCode.USAGE);

    assertThat(r.err()).startsWith("posture: Invalid value for option '--top': expected a whole number of 0 or more, found '-1' (from POSTURE_TOP)\n");
  }

  @Test
  void helpListsValuesInLowerCase() {
    assertThat(Cli.run("actions", "list", "--help").succeeded().out().replaceAll("\\s+", " "))
        .contains("Sort by rank, remaining, max, title (default: rank).", "Group by category, status, product, tag.",
            "Output format: table, json, csv, markdown (default: table).");
    assertThat(Cli.run("snapshot", "generate", "--help").succeeded().out()).contains("Kind of tenant: smb, enterprise, neglected");
    assertThat(Cli.run("completion", "--help").succeeded().out()).contains("bash or zsh");
    assertThat(Cli.run("status", "set", "--help").succeeded().out().replaceAll("\\s+", " "))
        .contains("to-address, planned, risk-accepted, third-party or alternate-mitigation");
  }

  @Test
  void valuesAreTypedInAnyCaseWithHyphensOrUnderscores() {
    Cli.run("actions", "list", CONTOSO, "--sort", "REMAINING", "--group-by", "Category").succeeded();
    Cli.run("assess", CONTOSO, "--format", "JSON", "--top", "0").succeeded();
  }
}
