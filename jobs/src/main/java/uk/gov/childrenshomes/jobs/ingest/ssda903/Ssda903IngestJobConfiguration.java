package uk.gov.childrenshomes.jobs.ingest.ssda903;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;

/** Loads one LA's SSDA903 children looked after return (the CSV set or the EXPSSDA903 XML export). */
@Configuration(proxyBeanMethods = false)
public class Ssda903IngestJobConfiguration {

    public static final String RETURN_CODE = "ssda903";

    @Bean
    public Job ssda903IngestJob(SubmissionIngestJobFactory jobs) {
        return jobs.job(RETURN_CODE);
    }
}
