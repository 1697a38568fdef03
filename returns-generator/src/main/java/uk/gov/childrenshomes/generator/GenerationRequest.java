package uk.gov.childrenshomes.generator;

import java.nio.file.Path;
import java.util.List;

/**
 * What to generate: the parameters of {@code ./datapack generate}.
 *
 * @param out        the inbox folder to write
 * @param year       the collection year
 * @param scale      volume multiplier: 1 = England's real volumes
 * @param seed       seed of every random stream: the same request gives the same bytes
 * @param faultRate  probability that a row of an LA's file carries an injected fault (0 = clean returns)
 * @param laCodes    the LAs to write, in code order; empty = every LA operating in the year
 */
public record GenerationRequest(Path out, CollectionYear year, double scale, long seed, double faultRate,
                                List<String> laCodes) {

    public GenerationRequest {
        laCodes = List.copyOf(laCodes);
    }
}
