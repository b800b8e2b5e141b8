package dev.posture.store;

import dev.posture.input.InputException;

/**
 * The history store cannot be used: locked past its timeout, damaged, of a newer schema, or out of
 * reach. One line naming the store (never its credentials); invalid input to the command line.
 */
public final class StoreException extends InputException {
  public StoreException(StoreLocation store, String problem) {
    this(store.toString(), problem);
  }

  /** @param store the store's name as shown, without credentials */
  public StoreException(String store, String problem) {
    super(store, problem);
  }
}
