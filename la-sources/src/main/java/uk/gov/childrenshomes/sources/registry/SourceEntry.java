package uk.gov.childrenshomes.sources.registry;

/** Where one LA's return comes from: one entry of the source registry. */
public sealed interface SourceEntry permits InboxSource, HttpsSource, SftpSource {

    SourceKey key();

    /** The registry's {@code kind} value: inbox, https or sftp. */
    String kind();
}
