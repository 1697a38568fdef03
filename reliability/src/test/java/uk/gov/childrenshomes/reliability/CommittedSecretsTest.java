package uk.gov.childrenshomes.reliability;

import org.junit.jupiter.api.Test;
import uk.gov.childrenshomes.reliability.support.Pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No secret is committed with the code: every file of the repository (build output, virtual environments and the
 * runtime home aside) is free of private keys and cloud access keys, and no configuration file the product ships
 * (outside the test sources) gives a password, token or secret a literal value; they come from the environment or
 * from a file of mode 600 at run time.
 */
class CommittedSecretsTest {

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----");
    private static final Pattern CLOUD_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b|\\bghp_[A-Za-z0-9]{36}\\b");
    /** {@code password = value}, {@code token: value}...: a literal, not a ${VARIABLE} reference or an empty value. */
    private static final Pattern LITERAL_SECRET = Pattern.compile(
            "(?i)^\\s*[\\w.-]*(password|passwd|secret|token|api[_-]?key)[\\w.-]*\\s*[=:]\\s*(?!\\$\\{)(?!$)(\\S.*)$");
    private static final Pattern SHIPPED_CONFIGURATION = Pattern.compile(".*\\.(properties|ya?ml|cfg|ini|conf|toml|env)$");

    @Test
    void noFileOfTheRepositoryHoldsAPrivateKeyOrAnAccessKeyAndNoShippedConfigurationASecretValue() throws IOException {
        Path root = Pipeline.repositoryRoot();
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (Path file : repositoryFiles(root)) {
            String relative = root.relativize(file).toString();
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            scanned++;
            if (PRIVATE_KEY.matcher(text).find() && !relative.contains("/src/test/")) {
                found.add(relative + ": a private key");
            }
            if (CLOUD_KEY.matcher(text).find()) {
                found.add(relative + ": a cloud or GitHub access key");
            }
            if (SHIPPED_CONFIGURATION.matcher(relative).matches() && !relative.contains("/src/test/")) {
                for (String line : text.split("\\R")) {
                    if (!line.strip().startsWith("#") && LITERAL_SECRET.matcher(line).matches()) {
                        found.add(relative + ": a literal secret value in '" + line.strip().replaceAll("[=:].*", "=...") + "'");
                    }
                }
            }
        }
        assertTrue(scanned > 300, "the repository's files were found: " + scanned);
        assertEquals(List.of(), found);
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertTrue(PRIVATE_KEY.matcher("x\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc").find());
        assertTrue(CLOUD_KEY.matcher("aws_access_key_id=AKIA" + "ABCDEFGHIJKLMNOP").find()); // split: this file is scanned too
        assertTrue(LITERAL_SECRET.matcher("la.E06000001.token = abc123").matches());
        assertTrue(LITERAL_SECRET.matcher("spring.datasource.password: hunter2").matches());
        assertTrue(!LITERAL_SECRET.matcher("spring.datasource.password=${WAREHOUSE_PASSWORD:}").matches());
        assertTrue(!LITERAL_SECRET.matcher("token-file=").matches());
    }

    /** Every regular file under the repository except build output, virtual environments and runtime state. */
    private static List<Path> repositoryFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> {
                        String relative = root.relativize(path).toString();
                        return !relative.matches("(.*/)?(target|\\.venv|\\.git|\\.datapack|node_modules|__pycache__|\\.pytest_cache)(/.*)?")
                                && !relative.startsWith(".git/");
                    })
                    .filter(path -> {
                        try {
                            return Files.size(path) < 5_000_000;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }
}
