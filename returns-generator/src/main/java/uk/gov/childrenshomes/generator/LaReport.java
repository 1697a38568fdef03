package uk.gov.childrenshomes.generator;

import uk.gov.childrenshomes.generator.faults.InjectedFault;
import uk.gov.childrenshomes.generator.geography.LocalAuthority;
import uk.gov.childrenshomes.generator.missing.ReturnInterviewPolicy;

import java.util.List;
import java.util.Map;

/**
 * What was written for one LA.
 *
 * @param authority      the LA
 * @param ssda903Format  {@code csv} (the CSV set) or {@code xml} (the EXPSSDA903 export)
 * @param missingFormat  {@code csv} or {@code xlsx}
 * @param returnInterviews  how the LA handles return interviews (whether it offers them to children missing from home)
 * @param fileRows       data rows of each file written, by path relative to the LA's folder (for the XML export:
 *                       its CHILD elements)
 * @param counts         what the returns hold, as the data pack will count it (see {@link LaInboxWriter})
 * @param faults         the faults injected into the LA's files
 */
public record LaReport(LocalAuthority authority, String ssda903Format, String missingFormat,
                       ReturnInterviewPolicy returnInterviews, Map<String, Long> fileRows, Counts counts,
                       List<InjectedFault> faults) {
}
