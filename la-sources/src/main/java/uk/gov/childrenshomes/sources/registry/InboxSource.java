package uk.gov.childrenshomes.sources.registry;

/** The LA puts its files into the inbox folder itself (or someone does for it): there is nothing to pull. */
public record InboxSource(SourceKey key) implements SourceEntry {

    public static final String KIND = "inbox";

    @Override
    public String kind() {
        return KIND;
    }
}
