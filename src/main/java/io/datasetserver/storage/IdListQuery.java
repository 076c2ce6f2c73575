package io.datasetserver.storage;

import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The embedded collections' answer to a query that is exactly {@code {_id: {$in: [strings]}}}, the
 * datapoint reads of {@link DatapointStore}: the documents the {@code _id} index found, in the
 * index's order, as the generic path returns them.
 *
 * <p>mongo-java-server finds each id through the index, then checks every found document against
 * the whole {@code $in} list again, normalising each value for every comparison. In flight
 * recordings of whole-version reads that check was about half of the embedded server's CPU, and it
 * made a query's cost the square of its length. A string is found in the index only by an equal
 * string, so for such a query the check can never reject a document.
 */
final class IdListQuery {
  private static final String ID = "_id";
  private static final String IN = "$in";
  private static final String QUERY = "$query";
  private static final String ORDER_BY = "$orderby";

  private IdListQuery() {}

  /**
   * Whether every document the {@code _id} index found for {@code query} matches it, so that the
   * generic re-check of each against the whole list can be skipped: the query names only {@code
   * _id}, with only strings under {@code $in}, and nothing is sorted, skipped, limited or projected
   * (those are left to the generic path).
   */
  static boolean indexAnswersExactly(
      Document query, Document orderBy, int skip, int limit, Document projection) {
    return onlyStringIds(query)
        && isEmpty(orderBy)
        && skip == 0
        && limit == 0
        && isEmpty(projection);
  }

  /**
   * The ids of a query that {@link #indexAnswersExactly} as the find command sends it ({@code
   * $query} and {@code $orderby} around the filter), or null for any other query.
   */
  static List<String> ids(QueryParameters parameters) {
    Document selector = parameters.getQuerySelector();
    Object orderBy = selector.get(ORDER_BY);
    if (selector.size() != 2
        || !(selector.get(QUERY) instanceof Document query)
        || !selector.containsKey(ORDER_BY)
        || (orderBy != null && !(orderBy instanceof Document))
        || !indexAnswersExactly(
            query,
            (Document) orderBy,
            parameters.getNumberToSkip(),
            parameters.getLimit(),
            parameters.getProjection())) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Object id : (Collection<?>) ((Document) query.get(ID)).get(IN)) {
      ids.add((String) id);
    }
    return ids;
  }

  /** The documents at {@code positions}, in their order. */
  static <P> List<Document> documents(Iterable<P> positions, Function<P, Document> document) {
    List<Document> found = new ArrayList<>();
    for (P position : positions) {
      found.add(document.apply(position));
    }
    return found;
  }

  /** Whether {@code query} is {@code {_id: {$in: [...]}}} with only strings in the list. */
  private static boolean onlyStringIds(Document query) {
    if (query.size() != 1 || !(query.get(ID) instanceof Document condition)) {
      return false;
    }
    if (condition.size() != 1 || !(condition.get(IN) instanceof Collection<?> values)) {
      return false;
    }
    for (Object value : values) {
      if (!(value instanceof String)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEmpty(Document document) {
    return document == null || document.isEmpty();
  }
}
