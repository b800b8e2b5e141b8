package dev.posture.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of N parts of a fleet, {@code --shard I/N} with I from 1 to N: the tenants whose id hashes to
 * it. The hash is SHA-256 of the id in lower case (tenant ids are GUIDs, whatever their case), so every
 * machine, JVM and posture version puts a tenant in the same shard, and the N shards together take
 * each tenant exactly once: a CI matrix or an indexed Kubernetes job (index + 1) splits a fleet
 * without a list.
 */
public record Shard(int index, int count) {
  /** The whole fleet, for a run that is not sharded. */
  public static final Shard ALL = new Shard(1, 1);

  private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("expected a shard I/N with 1 <= I <= N, found " + index + "/" + count);
    }
  }

  /** {@code I/N}, e.g. {@code 2/8}. */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a shard I/N with 1 <= I <= N, such as 2/8, found '" + text + "'");
    }
    return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public boolean includes(String tenantId) {
    return of(tenantId, count) == index;
  }

  /** The shard, 1 to {@code count}, that the tenant belongs to. */
  public static int of(String tenantId, int count) {
    byte[] digest = sha256(tenantId.strip().toLowerCase(Locale.ROOT));
    long first = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      first = (first << 8) | (digest[i] & 0xff);
    }
    return (int) Long.remainderUnsigned(first, count) + 1;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
