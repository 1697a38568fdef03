package uk.gov.childrenshomes.jobs.ingest;

import uk.gov.childrenshomes.sources.secret.SecretReader;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Replaces an LA's child identifier by HMAC-SHA-256 over {@code <la_code>:<CHILD>} with the pipeline's secret key,
 * so that the same child in the same LA always gets the same pseudonym, children of different LAs never collide
 * and nobody without the key can recompute it from a known ID. The key is never logged or shown.
 */
public final class Pseudonymiser {

    public static final String KEY_FILE_VARIABLE = "DATAPACK_PSEUDONYMISATION_KEY_FILE";
    public static final String KEY_VARIABLE = "DATAPACK_PSEUDONYMISATION_KEY";
    public static final String DEMO_VARIABLE = "DATAPACK_DEMO";
    /** The launcher's demo key (./datapack): allowed only when DATAPACK_DEMO=true. */
    public static final String DEMO_KEY = "demo-key-not-for-real-data-0000000000000000";
    private static final int MINIMUM_KEY_LENGTH = 32;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    private Pseudonymiser(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The pseudonymiser configured by the environment. Refuses (with the fix in the message) to run without a key,
     * with a short key, or with the demo key outside the demo.
     */
    public static Pseudonymiser fromEnvironment(Map<String, String> environment) {
        String file = environment.get(KEY_FILE_VARIABLE);
        String key;
        if (file != null && !file.isBlank()) {
            try {
                // The LA source secrets' rule (la-sources): a key file group or others can read is already leaked.
                key = new String(new SecretReader(environment::get).readFile(Path.of(file.trim())), StandardCharsets.UTF_8).strip();
            } catch (SecretReader.SecretException e) {
                throw new IllegalStateException("Cannot use the pseudonymisation key file named by " + KEY_FILE_VARIABLE
                        + ": " + e.getMessage() + ".");
            }
        } else {
            key = environment.get(KEY_VARIABLE);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No pseudonymisation key: set " + KEY_FILE_VARIABLE + " to a file holding the secret key"
                    + " (or " + KEY_VARIABLE + " to the key). Child IDs are never stored without it.");
        }
        if (key.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalStateException("The pseudonymisation key is shorter than " + MINIMUM_KEY_LENGTH
                    + " characters: use a long random secret (e.g. openssl rand -hex 32).");
        }
        if (key.equals(DEMO_KEY) && !"true".equalsIgnoreCase(environment.get(DEMO_VARIABLE))) {
            throw new IllegalStateException("The pseudonymisation key is the public demo key, which is only allowed with "
                    + DEMO_VARIABLE + "=true (./datapack demo). Set a secret key for real data.");
        }
        return new Pseudonymiser(key.getBytes(StandardCharsets.UTF_8));
    }

    public String pseudonym(String laCode, String childId) {
        byte[] digest = macs.get().doFinal((laCode + ":" + childId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[HMAC-SHA-256, key not shown]";
    }
}
