package dev.posture.catalog;

import dev.posture.input.Labelled;

/**
 * The large collections of a snapshot that coverage checks count over. Each is read one element at
 * a time; a coverage predicate sees the element under its singular name and the tenant's settings.
 */
public enum Collection implements Labelled {
  USERS("users", "user"),
  DEVICES("devices", "device"),
  MAILBOXES("mailboxes", "mailbox");

  private final String section;
  private final String element;

  Collection(String section, String element) {
    this.section = section;
    this.element = element;
  }

  /** The snapshot section holding the collection, e.g. {@code users}. */
  public String section() {
    return section;
  }

  /** The variable a predicate uses for one element, e.g. {@code user}. */
  public String element() {
    return element;
  }

  @Override
  public String label() {
    return section;
  }

  @Override
  public String toString() {
    return section;
  }
}
