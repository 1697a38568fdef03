package uk.gov.childrenshomes.jobs.ingest.reference;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;

/** Loads one ONS Postcode Directory file (ONSPD CSV layout, streamed; the full national file loads) and merges it into the postcode directory. Reference data is loaded before the LA returns that are checked and derived against it. */
@Configuration(proxyBeanMethods = false)
public class OnspdIngestJobConfiguration {

    public static final String RETURN_CODE = "onspd";

    @Bean
    public Job onspdIngestJob(SubmissionIngestJobFactory jobs) {
        return jobs.job(RETURN_CODE);
    }
}
