package dev.posture.cli;

import dev.posture.catalog.Category;
import dev.posture.catalog.DeviceCategory;
import dev.posture.catalog.Status;
import dev.posture.input.Labelled;
import dev.posture.input.Node;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a labelled value on the command line as the files spell it, ignoring case, spaces and
 * hyphens: {@code risk-accepted}, {@code "Risk accepted"}, {@code operating-system}.
 */
abstract class LabelledConverter<T extends Labelled> implements ITypeConverter<T> {
  private final T[] values;

  LabelledConverter(T[] values) {
    this.values = values;
  }

  @Override
  public T convert(String text) {
    return Node.match(text, values).orElseThrow(() -> new TypeConversionException(
        "expected one of " + Arrays.stream(values).map(Labelled::label).collect(Collectors.joining(", ")) + ", found '" + text + "'"));
  }

  static final class ForStatus extends LabelledConverter<Status> {
    ForStatus() {
      super(Status.values());
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
