package dev.posture.input;

import java.util.List;

/** A closed vocabulary value with the label people write in files and read in reports. */
public interface Labelled {
  String label();

  /** Other spellings accepted on input (real exports are not consistent). */
  default List<String> aliases() {
    return List.of();
  }
}
