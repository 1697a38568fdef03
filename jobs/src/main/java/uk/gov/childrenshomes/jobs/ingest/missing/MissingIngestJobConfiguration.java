package uk.gov.childrenshomes.jobs.ingest.missing;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;

/** Loads one LA's missing episodes and return interviews return (docs/returns/missing-episodes.md), CSV or XLSX. */
@Configuration(proxyBeanMethods = false)
public class MissingIngestJobConfiguration {

    public static final String RETURN_CODE = "missing";

    @Bean
    public Job missingIngestJob(SubmissionIngestJobFactory jobs) {
        return jobs.job(RETURN_CODE);
    }
}
