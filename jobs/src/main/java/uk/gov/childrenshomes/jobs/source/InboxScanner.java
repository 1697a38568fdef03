package uk.gov.childrenshomes.jobs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what is waiting in an inbox laid out as docs/architecture.md describes:
 * {@code <inbox>/<la_code>/<return>/} for each LA and {@code <inbox>/national/...} for reference data.
 * Only folders named by an LA code operating in the year are read, and nothing outside the inbox is followed:
 * symbolic links are refused, so a folder cannot smuggle in another LA's files or files from elsewhere.
 */
public final class InboxScanner {

    public static final String NATIONAL_CODE = "E92000001";
    private static final Pattern LA_CODE = Pattern.compile("^E\\d{8}$");
    private static final List<String> LA_RETURNS = List.of("ssda903", "missing", "oversight");

    private final Path inbox;
    private final Consumer<String> notices;

    public InboxScanner(Path inbox, Consumer<String> notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    public static boolean isLaCode(String code) {
        return LA_CODE.matcher(code).matches();
    }

    /** Deliveries of the LAs in {@code laCodes} (those operating in the year and, if given, asked for). */
    public List<ReturnDelivery> localAuthorityDeliveries(Set<String> laCodes) {
        List<ReturnDelivery> deliveries = new ArrayList<>();
        for (Path folder : children(inbox)) {
            String name = folder.getFileName().toString();
            if (name.equals("national") || !Files.isDirectory(folder)) {
                continue;
            }
            if (!isLaCode(name)) {
                notices.accept("Ignored " + folder + ": not an LA code (E followed by 8 digits) nor 'national'.");
                continue;
            }
            if (!laCodes.contains(name)) {
                continue;
            }
            for (String returnCode : LA_RETURNS) {
                Path returnFolder = folder.resolve(returnCode);
                if (inside(returnFolder) && Files.isDirectory(returnFolder)) {
                    List<Path> files = files(returnFolder);
                    if (!files.isEmpty()) {
                        deliveries.add(new ReturnDelivery(name, returnCode, inbox.relativize(returnFolder).toString(), files));
                    }
                }
            }
        }
        return deliveries;
    }

    /** National reference deliveries: each ONSPD file, the Ofsted register and the LA adjacency list. */
    public List<ReturnDelivery> nationalDeliveries() {
        List<ReturnDelivery> deliveries = new ArrayList<>();
        Path national = inbox.resolve("national");
        if (!inside(national) || !Files.isDirectory(national)) {
            return deliveries;
        }
        Path onspd = national.resolve("onspd");
        if (inside(onspd) && Files.isDirectory(onspd)) {
            for (Path file : files(onspd)) {
                deliveries.add(new ReturnDelivery(NATIONAL_CODE, "onspd", inbox.relativize(file).toString(), List.of(file)));
            }
        }
        Path ofsted = national.resolve("ofsted");
        if (inside(ofsted) && Files.isDirectory(ofsted) && !files(ofsted).isEmpty()) {
            deliveries.add(new ReturnDelivery(NATIONAL_CODE, "ofsted_register", inbox.relativize(ofsted).toString(), files(ofsted)));
        }
        Path adjacency = national.resolve("geography").resolve("la_adjacency.csv");
        if (inside(adjacency) && Files.isRegularFile(adjacency)) {
            deliveries.add(new ReturnDelivery(NATIONAL_CODE, "la_adjacency", inbox.relativize(adjacency).toString(), List.of(adjacency)));
        }
        return deliveries;
    }

    private List<Path> files(Path folder) {
        return children(folder).stream()
                .filter(path -> !path.getFileName().toString().startsWith("."))
                .filter(Files::isRegularFile)
                .toList();
    }

    private List<Path> children(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().filter(this::inside).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** False (with a notice) for a symbolic link, wherever it points: the inbox is read as a plain tree. */
    private boolean inside(Path path) {
        if (Files.isSymbolicLink(path)) {
            notices.accept("Refused " + path + ": symbolic links are not followed in the inbox.");
            return false;
        }
        return true;
    }
}
