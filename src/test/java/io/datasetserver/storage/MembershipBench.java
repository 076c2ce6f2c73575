package io.datasetserver.storage;

import com.mongodb.client.MongoCollection;
import io.datasetserver.datasets.Ids;
import io.datasetserver.datasets.Membership;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Version membership in process, with writes going nowhere (collections that accept and drop
 * inserts), so only the merging, hashing and copying are measured: appending to, paging through,
 * testing and walking a large membership versus a small one or a plain collection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MembershipBench {
  private static final String DATASET = "ds_0123456789abcdefghijkl";

  /** Datapoints in the large membership; the small one holds 1% of them. */
  @Param("100000")
  public int large;

  /** Datapoints per append, page and membership probe. */
  @Param("100")
  public int batch;

  private MembershipStore store;
  private Membership largeMembership;
  private Membership smallMembership;
  private List<String> added;
  private List<String> largeIds;
  private Set<String> largeSet;
  private List<String> probes;

  @Setup
  public void setUp() {
    store = new MembershipStore(droppingCollection(), droppingCollection(), 10L * large);
    largeIds = ids("member", large);
    largeMembership = store.create(DATASET, largeIds);
    smallMembership = store.create(DATASET, ids("small", Math.max(1, large / 100)));
    added = ids("added", batch);
    largeSet = new HashSet<>(largeIds);
    probes = ids("probe", batch);
  }

  @Benchmark
  public Membership appendToLarge() {
    return store.append(DATASET, largeMembership, added);
  }

  /** Baseline of {@link #appendToLarge}: the same append to a membership 1% of the size. */
  @Benchmark
  public Membership appendToSmall() {
    return store.append(DATASET, smallMembership, added);
  }

  @Benchmark
  public List<String> sliceLastPage() {
    return largeMembership.slice(largeMembership.size() - batch, batch);
  }

  /** Baseline of {@link #sliceLastPage}. */
  @Benchmark
  public List<String> sliceFirstPage() {
    return largeMembership.slice(0, batch);
  }

  /** {@code batch} absent ids tested against the large membership (what an add does first). */
  @Benchmark
  public int containsLarge() {
    int found = 0;
    for (String id : probes) {
      found += largeMembership.contains(id) ? 1 : 0;
    }
    return found;
  }

  /** Baseline of {@link #containsLarge}: one {@code HashSet} of the same ids. */
  @Benchmark
  public int containsHashSet() {
    int found = 0;
    for (String id : probes) {
      found += largeSet.contains(id) ? 1 : 0;
    }
    return found;
  }

  /** Walking every id of the large membership (what an add does to list the result). */
  @Benchmark
  public void iterateLarge(Blackhole sink) {
    for (String id : largeMembership) {
      sink.consume(id);
    }
  }

  /** Baseline of {@link #iterateLarge}: the same ids in an {@code ArrayList}. */
  @Benchmark
  public void iterateList(Blackhole sink) {
    for (String id : largeIds) {
      sink.consume(id);
    }
  }

  /** Ids shaped like datapoint ids ({@code dp_} + 32 hex digits). */
  private static List<String> ids(String tag, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add("dp_" + Ids.hash128(tag + i));
    }
    return ids;
  }

  /** A collection whose inserts succeed and store nothing; anything else is unexpected. */
  @SuppressWarnings("unchecked")
  private static MongoCollection<Document> droppingCollection() {
    return (MongoCollection<Document>)
        Proxy.newProxyInstance(
            MembershipBench.class.getClassLoader(),
            new Class<?>[] {MongoCollection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "insertMany", "insertOne" -> null;
                  case "toString" -> "dropping collection";
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
