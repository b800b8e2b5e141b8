package dev.posture.cli;

import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.catalog.Status;
import dev.posture.input.Labelled;
import dev.posture.input.Node;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a labelled value on the command line as the files spell it, ignoring case, spaces and
 * hyphens: {@code risk-accepted}, {@code "Risk accepted"}, {@code operating-system}. Help, completion
 * and the message for a wrong value give the values as they are typed.
 */
abstract class LabelledConverter<T extends Labelled> implements ITypeConverter<T>, Iterable<String> {
  private final T[] values;

  LabelledConverter(T[] values) {
    this.values = values;
  }

  @Override
  public T convert(String text) {
    return Node.match(text, values).orElseThrow(() -> new TypeConversionException(
        "expected one of " + String.join(", ", this) + ", found '" + text + "'"));
  }

  /** The values as they are typed: {@code risk-accepted}, {@code operating-system}. */
  @Override
  public Iterator<String> iterator() {
    return Arrays.stream(values).map(LabelledConverter::key).iterator();
  }

  /** A status's own key ({@code third-party}); else the label in lower case, hyphens for spaces. */
  static String key(Labelled value) {
    return value instanceof Status status ? status.key() : value.label().toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  static final class ForStatus extends LabelledConverter<Status> {
    ForStatus() {
      super(Status.values());
    }
  }

  /** The statuses people decide; Completed, Regressed and Error come from the data. */
  static final class ForSettableStatus extends LabelledConverter<Status> {
    ForSettableStatus() {
      super(Arrays.stream(Status.values()).filter(Status::settable).toArray(Status[]::new));
    }

    @Override
    public Status convert(String text) {
      Node.match(text, Status.values()).filter(s -> !s.settable()).ifPresent(derived -> {
        throw new TypeConversionException(derived.label() + " is derived from the data and cannot be set; expected one of "
            + String.join(", ", this) + ", found '" + text + "'");
      });
      return super.convert(text);
    }
  }

  static final class ForCategory extends LabelledConverter<Category> {
    ForCategory() {
      super(Category.values());
    }
  }

  static final class ForDeviceCategory extends LabelledConverter<DeviceCategory> {
    ForDeviceCategory() {
      super(DeviceCategory.values());
    }
  }
}
