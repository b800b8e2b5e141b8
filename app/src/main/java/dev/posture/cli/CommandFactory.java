package dev.posture.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Makes posture's commands and option sets for picocli. One that takes the root command in its
 * constructor gets it: that is how every command reaches the invocation and the global options.
 */
final class CommandFactory implements IFactory {
  private final PostureCommand root;

  CommandFactory(PostureCommand root) {
    this.root = root;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == PostureCommand.class) {
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(root));
      }
    }
    return CommandLine.defaultFactory().create(type);
  }
}
