package dev.posture.scoring;

/** How many elements a coverage check found eligible, and how many of those are protected. */
public record Coverage(long covered, long eligible) {

  /** The share covered; zero eligible counts as fully covered, as Graph scores "0 of 0" as 100 %. */
  public double fraction() {
    return eligible == 0 ? 1.0 : (double) covered / eligible;
  }

  public boolean complete() {
    return covered == eligible;
  }
}
