package dev.posture.cli;

import dev.posture.report.Format;
import picocli.CommandLine.Option;

/** The formats of the commands that print one table or list of results: table (the default), JSON, CSV and Markdown. */
final class TableFormats extends FormatOptions {
  enum Choice { table, json, csv, markdown }

  @Option(names = "--format", paramLabel = "FORMAT", description = HELP + " (default: table).")
  Choice format;

  TableFormats(PostureCommand root) {
    super(root, Choice.values(), Format.TABLE);
  }

  @Override
  Enum<?> choice() {
    return format;
  }
}
