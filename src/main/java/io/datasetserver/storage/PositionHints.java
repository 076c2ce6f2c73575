package io.datasetserver.storage;

/**
 * Where documents were last found by {@code _id}: a fixed table of slots, each holding one id's
 * fingerprint and position, which a later id that falls into the same slot overwrites. What it
 * gives is only a hint, for the caller to check against the document at that position: a slot is
 * read and written without a lock, so a slot written while it is read can pair one id's fingerprint
 * with another's position, and a position can hold nothing any more.
 *
 * <p>Why: reading a version looks up each of its datapoints in the H2 file's {@code _id} index. The
 * ids of one query are spread over the whole index, so each lookup reads a page of its own, and
 * those lookups were half of the server's CPU while paging through a version of 100,000.
 */
final class PositionHints {
  /** Slots for at most about a million ids: 16 MB. */
  static final int MAX_SLOTS = 1 << 20;

  private static final int MIN_SLOTS = 1 << 10;

  /**
   * Two longs per slot: the fingerprint (never 0, so an empty slot matches nothing), then the
   * position.
   */
  private final long[] slots;

  private final int mask;

  private PositionHints(int slotCount) {
    this.slots = new long[2 * slotCount];
    this.mask = slotCount - 1;
  }

  /**
   * A table for a collection of {@code ids} documents: four slots an id, so that most ids have a
   * slot to themselves, between a thousand and a million slots.
   */
  static PositionHints forIds(long ids) {
    return new PositionHints(slotsFor(ids));
  }

  /** The slots {@link #forIds} gives: a power of two. */
  static int slotsFor(long ids) {
    long wanted = Math.max(MIN_SLOTS, Math.min(MAX_SLOTS, 4 * ids));
    return (int) Long.highestOneBit(2 * wanted - 1);
  }

  int slotCount() {
    return mask + 1;
  }

  /** The position {@code id} was last put with, a wrong one, or -1. */
  long get(String id) {
    long fingerprint = fingerprint(id);
    int slot = slot(fingerprint);
    return slots[slot] == fingerprint ? slots[slot + 1] : -1;
  }

  void put(String id, long position) {
    long fingerprint = fingerprint(id);
    int slot = slot(fingerprint);
    slots[slot] = fingerprint;
    slots[slot + 1] = position;
  }

  /** The index of the slot's first long, from the fingerprint's upper half. */
  private int slot(long fingerprint) {
    return 2 * ((int) (fingerprint >>> 32) & mask);
  }

  /** FNV-1a over the id's characters, with the lowest bit set. */
  private static long fingerprint(String id) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
    }
    return hash | 1;
  }
}
