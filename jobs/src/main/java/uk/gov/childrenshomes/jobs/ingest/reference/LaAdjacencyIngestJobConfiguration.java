package uk.gov.childrenshomes.jobs.ingest.reference;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;

/** Loads the pairs of LAs sharing a boundary (national/geography/la_adjacency.csv). Reference data is loaded before the LA returns that are checked and derived against it. */
@Configuration(proxyBeanMethods = false)
public class LaAdjacencyIngestJobConfiguration {

    public static final String RETURN_CODE = "la_adjacency";

    @Bean
    public Job laAdjacencyIngestJob(SubmissionIngestJobFactory jobs) {
        return jobs.job(RETURN_CODE);
    }
}
