package io.datasetserver.datasets;

import java.util.List;

/**
 * The ids held by the segments that only one of two memberships lists, each in its membership's
 * order. Every other id of either membership is in a segment both share, so it is in both. An id
 * may still appear on both sides (moved into a rewritten segment); telling added from removed from
 * unchanged is the caller's rule.
 *
 * @param fromOnly ids of the segments only the first membership lists, in its order
 * @param toOnly ids of the segments only the second membership lists, in its order
 */
public record MembershipDifference(List<String> fromOnly, List<String> toOnly) {}
