package uk.gov.childrenshomes.jobs.ingest.reference;

import org.springframework.batch.core.job.Job;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.gov.childrenshomes.jobs.ingest.SubmissionIngestJobFactory;

/** Loads the national Ofsted register of social care providers (CSV or XLSX, every layout Ofsted has published). Reference data is loaded before the LA returns that are checked and derived against it. */
@Configuration(proxyBeanMethods = false)
public class OfstedRegisterIngestJobConfiguration {

    public static final String RETURN_CODE = "ofsted_register";

    @Bean
    public Job ofstedRegisterIngestJob(SubmissionIngestJobFactory jobs) {
        return jobs.job(RETURN_CODE);
    }
}
