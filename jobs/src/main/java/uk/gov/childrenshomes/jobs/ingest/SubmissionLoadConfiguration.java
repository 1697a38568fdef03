package uk.gov.childrenshomes.jobs.ingest;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import uk.gov.childrenshomes.jobs.validation.ReturnSpecifications;
import uk.gov.childrenshomes.jobs.validation.ValidationRuleCatalogue;
import uk.gov.childrenshomes.jobs.warehouse.SubmissionStore;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;

/** The reader, processor and writer every submission's load step shares (see {@link SubmissionIngestJobFactory}). */
@Configuration(proxyBeanMethods = false)
public class SubmissionLoadConfiguration {

    /** One reader per step execution: jobs of different submissions run side by side. */
    @Bean
    @StepScope
    public SubmissionRowReader submissionRowReader(@Value("#{jobParameters['" + SubmissionIngestJobFactory.SUBMISSION_ID + "']}") Long submissionId,
                                                   SubmissionStore store, ReturnSpecifications specifications,
                                                   SubmissionFileOpener opener) {
        SubmissionToLoad submission = store.submissionToLoad(submissionId);
        return new SubmissionRowReader(submission, specifications.forYear(submission.returnCode(), submission.collectionYear()), opener);
    }

    /** Limits of one file and of one CSV record (the parser holds a record in memory): see jobs/README.md. */
    @Bean
    public SubmissionFileOpener submissionFileOpener(ValidationRuleCatalogue rules, SubmissionStore store,
                                                     @Value("${datapack.ingest.maximum-file-bytes:4000000000}") long maximumFileBytes,
                                                     @Value("${datapack.ingest.maximum-record-bytes:1048576}") long maximumRecordBytes) {
        return new SubmissionFileOpener(rules, store, maximumFileBytes, maximumRecordBytes);
    }

    /**
     * The key comes from the process environment (or, in tests, properties of the same names); the pseudonymiser
     * refuses a missing, short or demo key outside the demo, so a real run cannot start without a secret. Made when
     * a load first needs it, so that {@code status} runs without the key.
     */
    @Bean
    @Lazy
    public Pseudonymiser pseudonymiser(Environment environment) {
        Map<String, String> settings = new HashMap<>();
        for (String name : new String[] {Pseudonymiser.KEY_FILE_VARIABLE, Pseudonymiser.KEY_VARIABLE, Pseudonymiser.DEMO_VARIABLE}) {
            String value = environment.getProperty(name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        return Pseudonymiser.fromEnvironment(settings);
    }

    @Bean
    @StepScope
    public RowValidationProcessor rowValidationProcessor(ValidationRuleCatalogue rules, Pseudonymiser pseudonymiser) {
        return new RowValidationProcessor(rules, pseudonymiser);
    }

    @Bean
    public LandingCopyWriter landingCopyWriter(DataSource dataSource) {
        return new LandingCopyWriter(dataSource);
    }
}
