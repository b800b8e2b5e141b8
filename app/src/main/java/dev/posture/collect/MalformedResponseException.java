package dev.posture.collect;

import java.net.URI;

/** A service answered with something its API does not document: the collection stops, nothing is written. */
public final class MalformedResponseException extends RuntimeException {
  public MalformedResponseException(URI uri, String problem) {
    super(uri + ": " + problem);
  }
}
