package dev.posture.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, with the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = PostureCommand.class.getPackage().getImplementationVersion();
    return new String[] {
      "posture " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
