package io.datasetserver.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A suite of the slow tier: it starts child JVMs, kills processes, waits out timeouts, or drives
 * minutes of load. {@code mvn test} leaves these out so a developer gets an answer in seconds;
 * {@code make test} runs them after the fast tier ({@code -Pslow-tier}), and a class named with
 * {@code -Dtest} runs whatever its tier.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Slow.TAG)
public @interface Slow {
  String TAG = "slow";
}
