package io.datasetserver.datasets;

import java.math.BigInteger;

/**
 * Order-independent hash of a set of datapoint ids: the sum of their 128-bit hash parts, modulo
 * 2^128. It updates in O(changes) when datapoints are added or removed, so finding a version with
 * identical content never needs a pass over a large dataset. Equal hashes are a candidate match
 * that callers confirm against the real sets.
 */
public final class MembersHash {
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(128);
  public static final String EMPTY = format(BigInteger.ZERO);

  private MembersHash() {}

  public static String of(Iterable<String> datapointIds) {
    return plus(EMPTY, datapointIds);
  }

  public static String plus(String hash, Iterable<String> added) {
    BigInteger sum = new BigInteger(hash, 16);
    for (String id : added) {
      sum = sum.add(valueOf(id));
    }
    return format(sum.mod(MODULUS));
  }

  public static String minus(String hash, Iterable<String> removed) {
    BigInteger sum = new BigInteger(hash, 16);
    for (String id : removed) {
      sum = sum.subtract(valueOf(id));
    }
    return format(sum.mod(MODULUS));
  }

  /** Datapoint ids are {@code dp_} + 32 hex digits of dataset and content hashes. */
  private static BigInteger valueOf(String datapointId) {
    return new BigInteger(datapointId.substring(3), 16);
  }

  private static String format(BigInteger value) {
    String hex = value.toString(16);
    return "0".repeat(32 - hex.length()) + hex;
  }
}
