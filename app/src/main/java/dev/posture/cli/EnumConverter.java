package dev.posture.cli;

import dev.posture.scoring.ActionQuery;
import dev.posture.snapshot.SyntheticTenant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum value as help and completion show it, in lower case with hyphens ({@code rank},
 * {@code risk-accepted}), ignoring case; a wrong one is named with the values it could be, in the
 * same words as every other bad value.
 */
final class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  private EnumConverter(Class<E> type) {
    this.type = type;
  }

  /** Registers a converter for every enum type an option or parameter of the command tree takes. */
  static void registerAll(CommandLine cli) {
    Set<Class<?>> types = new HashSet<>();
    collect(cli.getCommandSpec(), types);
    types.forEach(type -> register(cli, type));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void register(CommandLine cli, Class<?> type) {
    cli.registerConverter((Class) type, new EnumConverter(type));
  }

  private static void collect(CommandSpec command, Set<Class<?>> types) {
    for (ArgSpec arg : command.args()) {
      if (arg.type().isEnum() && arg.converters().length == 0) {
        types.add(arg.type());
      }
    }
    command.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), types));
  }

  /** How a value is typed: {@code RISK_ACCEPTED} as {@code risk-accepted}. */
  static String key(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The values of an enum as they are typed, for help and completion. */
  abstract static class Keys implements Iterable<String> {
    private final Class<? extends Enum<?>> type;

    Keys(Class<? extends Enum<?>> type) {
      this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(type.getEnumConstants()).map(EnumConverter::key).iterator();
    }
  }

  static final class SortKeys extends Keys {
    SortKeys() {
      super(ActionQuery.Sort.class);
    }
  }

  static final class GroupKeys extends Keys {
    GroupKeys() {
      super(ActionQuery.GroupBy.class);
    }
  }

  static final class Profiles extends Keys {
    Profiles() {
      super(SyntheticTenant.Profile.class);
    }
  }

  @Override
  public E convert(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(type.getEnumConstants()).filter(c -> key(c).equals(wanted)).findFirst()
        .orElseThrow(() -> new TypeConversionException("expected one of "
            + Arrays.stream(type.getEnumConstants()).map(EnumConverter::key).collect(Collectors.joining(", ")) + ", found '" + text + "'"));
  }
}
