package uk.gov.childrenshomes.publish.support;

import org.apache.spark.sql.SparkSession;

/** The one local[2] SparkSession of a test class: UI off, driver on loopback, few shuffle partitions. */
public final class TestSpark {

    private TestSpark() {
    }

    public static SparkSession start() {
        return SparkSession.builder()
                .appName("spark-jobs-test")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
