package uk.gov.childrenshomes.jobs.ingest.oversight;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;

/** Loads one LA's out-of-area placement oversight return (docs/returns/out-of-area-oversight.md). */
@Configuration(proxyBeanMethods = false)
public class OversightIngestJobConfiguration {

    public static final String RETURN_CODE = "oversight";

    @Bean
    public Job oversightIngestJob(SubmissionIngestJobFactory jobs) {
        return jobs.job(RETURN_CODE);
    }
}
