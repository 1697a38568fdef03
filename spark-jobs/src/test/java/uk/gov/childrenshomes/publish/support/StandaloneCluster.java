package uk.gov.childrenshomes.publish.support;

import uk.gov.childrenshomes.publish.cluster.LocalSparkCluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The product's {@link LocalSparkCluster} as tests start it: one worker of one core, from the test JVM's classpath
 * jars and the module's jvm-options, plus what a test needs to submit to it as spark-submit would.
 */
public final class StandaloneCluster {

    private StandaloneCluster() {
    }

    /** Starts a master and one worker of one core and 1g, waiting until the worker has registered. */
    public static LocalSparkCluster start(Path folder) throws IOException, InterruptedException {
        return LocalSparkCluster.start(folder, new LocalSparkCluster.Shape(1, 1, "1g"), classpathJars(), moduleOptions());
    }

    /** Options the executors need on Java 17+: the same module options as the launcher's jvm-options, heap aside. */
    public static String executorJavaOptions() throws IOException {
        return String.join(" ", moduleOptions());
    }

    /** A jar of the module's compiled classes (target/classes), for spark.jars: what spark-submit would ship. */
    public static Path applicationJar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace(File.separatorChar, '/')));
                try (InputStream in = Files.newInputStream(path)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /** Spark's module options from the launcher's jvm-options (src/main/launcher), without the heap size. */
    public static List<String> moduleOptions() throws IOException {
        return LocalSparkCluster.moduleOptions(Path.of("src/main/launcher/jvm-options"));
    }

    /** The jars of the test JVM's classpath (surefire's real classpath, not its booter jar). */
    private static List<Path> classpathJars() {
        return LocalSparkCluster.jarsOf(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    }
}
