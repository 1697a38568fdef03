package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * index.html: a readable preview of the release that opens offline (no script, no external asset): headline
 * figures, inline SVG charts by region (children placed outside their council's boundary, return interview
 * coverage for children missing from home and from care, homes and places), the quality table and links to every
 * file. Every figure shown is read from the published (disclosure-controlled) tables, never from raw aggregates.
 */
public final class IndexPage {

    static final String BAR_COLOUR = "#1d70b8";
    static final String SECOND_BAR_COLOUR = "#f47738";
    private static final String NUMBER = "\\d+(\\.\\d+)?";

    private IndexPage() {
    }

    public static String html(String releaseId, int year, List<EesTable> tables, List<QualityRow> quality,
                              List<OutputFile> files) {
        PublishedCells published = new PublishedCells(tables, year);
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Children's homes extended data pack: release %s</title>
                <style>
                body{font-family:Arial,Helvetica,sans-serif;margin:2em;max-width:64em;color:#0b0c0c}
                h1{font-size:1.8em}.headline{display:flex;gap:1.5em;flex-wrap:wrap}
                .figure{border-left:5px solid #1d70b8;padding:.3em 1em;max-width:14em}.figure b{display:block;font-size:2em}
                .key span{display:inline-block;width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle}
                table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #b1b4b6;padding:.2em .5em;text-align:left}
                </style></head><body>
                <h1>Children's homes extended data pack, reporting year %d</h1>
                <p>Release <strong>%s</strong>. Symbols: c suppressed, k positive but below 0.5%%, z not applicable, x unavailable (no accepted return). National and regional counts of children and incidents are rounded to the nearest 10.</p>
                """.formatted(escape(releaseId), year, escape(releaseId)));
        headlines(html, year, Headlines.of(published));
        charts(html, year, published);
        html.append("<h2>Submissions for ").append(year).append("</h2>\n<table><tr>");
        QualityRow.HEADER.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (QualityRow row : quality) {
            html.append("<tr>");
            row.cells().forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</table>\n<h2>Files</h2>\n<ul>\n");
        for (OutputFile file : files) {
            html.append("<li><a href=\"").append(escape(file.path())).append("\">").append(escape(file.path()))
                    .append("</a>").append(file.dataRows() == null ? "" : " (" + file.dataRows() + " rows)").append("</li>\n");
        }
        html.append("<li><a href=\"manifest.json\">manifest.json</a></li>\n</ul>\n</body></html>\n");
        return html.toString();
    }

    private static void headlines(StringBuilder html, int year, Headlines headlines) {
        html.append("<div class=\"headline\">\n")
                .append(figure(headlines.childrenLookedAfter(), "children looked after at 31 March " + year))
                .append(figure(percent(headlines.percentOutsideBoundary()), "placed outside their council's boundary"))
                .append(figure(percent(headlines.percentInHomesOutsideBoundary()),
                        "of children in children's homes placed outside their council's boundary"))
                .append(figure(headlines.homes(), "children's homes open at 31 March, with " + headlines.places() + " places"))
                .append(figure(headlines.missingIncidents(), "missing incidents starting in the year"))
                .append(figure(percent(headlines.percentIncidentsOffered()),
                        "of missing incidents led to a return interview offer"))
                .append(figure(percent(headlines.percentCouncilsOfferingHome()),
                        "of councils with children missing from home offered them return interviews"))
                .append("</div>\n");
    }

    private static void charts(StringBuilder html, int year, PublishedCells published) {
        Map<String, String> regions = published.regionNames(DataPackTables.PLACEMENT_LOCATION);
        String regional = GeographicLevel.REGIONAL.label();

        html.append("<h2>Children placed outside their council's boundary, by region, ").append(year).append("</h2>\n");
        List<Bar> outside = new ArrayList<>();
        regions.forEach((code, name) -> outside.add(new Bar(name, List.of(published.value(
                DataPackTables.PLACEMENT_LOCATION, regional, code, Map.of(DataPackTables.LOCALITY, "Outside boundary"),
                "percent_of_placement_group")))));
        html.append(barChart("Percent of children looked after placed outside their council's boundary, by region",
                outside, List.of("percent"), true));

        html.append("<h2>Return interviews offered after children went missing from home and from care, by region, ")
                .append(year).append("</h2>\n").append(key(List.of("Missing from home", "Missing from care")));
        List<Bar> coverage = new ArrayList<>();
        regions.forEach((code, name) -> coverage.add(new Bar(name, List.of(
                published.value(DataPackTables.RETURN_INTERVIEWS, regional, code,
                        Map.of(DataPackTables.MISSING_FROM, "Home"), "percent_offered"),
                published.value(DataPackTables.RETURN_INTERVIEWS, regional, code,
                        Map.of(DataPackTables.MISSING_FROM, "Care"), "percent_offered")))));
        html.append(barChart("Percent of missing incidents with a return interview offered, home and care, by region",
                coverage, List.of("missing from home", "missing from care"), true));

        html.append("<h2>Children's homes and places at 31 March, by region, ").append(year).append("</h2>\n")
                .append(key(List.of("Homes", "Places")));
        List<Bar> homes = new ArrayList<>();
        regions.forEach((code, name) -> homes.add(new Bar(name, List.of(
                published.value(DataPackTables.HOMES_BY_AREA, regional, code, Map.of(), "homes_at_31_march"),
                published.value(DataPackTables.HOMES_BY_AREA, regional, code, Map.of(), "places_at_31_march")))));
        html.append(barChart("Children's homes and places at 31 March by region", homes, List.of("homes", "places"),
                false));
    }

    /** One category of a chart: its label and one published value (a number or a symbol) per series. */
    record Bar(String label, List<String> values) {
    }

    /**
     * A horizontal bar chart with one bar per series in each category; percentages on a 0-100 scale, counts on a
     * scale to the largest value. A symbol (c, x, z, k) is shown as text with no bar.
     */
    static String barChart(String title, List<Bar> bars, List<String> series, boolean percentages) {
        int barHeight = 14;
        int groupHeight = barHeight * series.size() + 10;
        int labelWidth = 230;
        int barWidth = 400;
        double scale = percentages ? 100 : bars.stream().flatMap(b -> b.values().stream()).filter(v -> v.matches(NUMBER))
                .mapToDouble(Double::parseDouble).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\""
                + (labelWidth + barWidth + 90) + "\" height=\"" + (groupHeight * bars.size() + 10) + "\">\n<title>"
                + escape(title) + "</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            int top = i * groupHeight + 5;
            svg.append("<text x=\"0\" y=\"").append(top + barHeight).append("\" font-size=\"13\">")
                    .append(escape(bars.get(i).label())).append("</text>\n");
            for (int s = 0; s < series.size(); s++) {
                String value = bars.get(i).values().get(s);
                boolean number = value.matches(NUMBER);
                int width = number ? (int) Math.round(Math.min(Double.parseDouble(value), scale) / Math.max(scale, 1) * barWidth) : 0;
                int y = top + s * barHeight;
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 1).append("\" width=\"")
                        .append(width).append("\" height=\"").append(barHeight - 2).append("\" fill=\"")
                        .append(s == 0 ? BAR_COLOUR : SECOND_BAR_COLOUR).append("\"><title>")
                        .append(escape(bars.get(i).label() + ", " + series.get(s) + ": " + value)).append("</title></rect>")
                        .append("<text x=\"").append(labelWidth + width + 5).append("\" y=\"").append(y + barHeight - 2)
                        .append("\" font-size=\"11\">").append(escape(number && percentages ? value + "%" : value))
                        .append("</text>\n");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    private static String key(List<String> series) {
        return "<p class=\"key\"><span style=\"background:" + BAR_COLOUR + "\"></span>" + escape(series.get(0))
                + "<span style=\"background:" + SECOND_BAR_COLOUR + "\"></span>" + escape(series.get(1)) + "</p>\n";
    }

    static String percent(String value) {
        return value.matches(NUMBER) ? value + "%" : value;
    }

    private static String figure(String value, String caption) {
        return "<div class=\"figure\"><b>" + escape(value) + "</b>" + escape(caption) + "</div>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
