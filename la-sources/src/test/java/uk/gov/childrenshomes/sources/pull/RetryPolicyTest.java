package uk.gov.childrenshomes.sources.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(1000), Duration.ofMillis(5000));

    @Test
    void backoffDoublesWithJitterBetweenHalfAndAllOfItsCeilingUpToTheMaximum() {
        SplittableRandom random = new SplittableRandom(42);
        long[] ceilings = {0, 0, 1000, 2000, 4000, 5000, 5000};
        for (int attempt = 2; attempt <= 6; attempt++) {
            Set<Long> seen = new HashSet<>();
            for (int draw = 0; draw < 200; draw++) {
                long wait = policy.backoffBefore(attempt, random).toMillis();
                assertTrue(wait >= ceilings[attempt] / 2 && wait <= ceilings[attempt],
                        "attempt " + attempt + " waited " + wait);
                seen.add(wait);
            }
            assertTrue(seen.size() > 50, "jittered, not fixed: " + seen.size() + " distinct waits");
        }
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertEquals(Duration.ZERO, new RetryPolicy(2, Duration.ZERO, Duration.ZERO)
                .backoffBefore(2, new SplittableRandom(1)));
    }
}
