package uk.gov.childrenshomes.generator;

import java.util.List;
import java.util.Map;

/**
 * What a run wrote.
 *
 * @param request   the parameters
 * @param national  counts of the national files (Ofsted register, ONSPD, adjacency)
 * @param las       one report per LA written, in code order
 * @param totals    the LAs' counts summed
 */
public record GenerationResult(GenerationRequest request, Map<String, Long> national, List<LaReport> las, Counts totals) {
}
