package dev.posture.state;

/**
 * The bands that colour a tenant's score: red under {@code redUnder} percent, amber under
 * {@code amberUnder}, green from there.
 */
public record Zones(double redUnder, double amberUnder) {
  /** Secure Score's usual reading of a score, for tenants that set none: red under 40 %, amber under 70 %. */
  public static final Zones DEFAULT = new Zones(40, 70);

  public Zones {
    if (!(redUnder >= 0 && redUnder <= amberUnder && amberUnder <= 100)) {
      throw new IllegalArgumentException("expected 0 <= red-under <= amber-under <= 100, found " + redUnder + " and " + amberUnder);
    }
  }

  /** The zone a percentage falls in. */
  public Zone of(double percent) {
    return percent < redUnder ? Zone.RED : percent < amberUnder ? Zone.AMBER : Zone.GREEN;
  }

  public enum Zone { RED, AMBER, GREEN }
}
