package uk.gov.childrenshomes.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable twin of the Markdown report: the run as measured, its ratios and the target verdicts. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(BenchRun run) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run", run);
        document.put("ratios", run.scales().stream().map(scale -> Targets.ratios(run, scale)).toList());
        document.put("targets", List.copyOf(Targets.evaluate(run)));
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the bench run as JSON", e);
        }
    }
}
