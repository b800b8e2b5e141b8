package dev.posture.cli;

import picocli.CommandLine.Command;

/** {@code posture catalog}: the improvement actions themselves. */
@Command(
    name = "catalog",
    description = "Check and list the catalogue of improvement actions.",
    subcommands = {CatalogValidateCommand.class, CatalogListCommand.class})
final class CatalogCommand {}
