package uk.gov.childrenshomes.publish.release;

import uk.gov.childrenshomes.publish.ees.EesTable;
import uk.gov.childrenshomes.publish.tables.DataPackTables;
import uk.gov.childrenshomes.publish.tables.Filter;
import uk.gov.childrenshomes.publish.tables.GeographicLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * index.html: a readable preview of the release that opens offline (no script, no external asset): headline
 * figures, inline SVG charts by region, the quality table and links to every file. Every figure shown is read
 * from the published (disclosure-controlled) tables, never from raw aggregates.
 */
public final class IndexPage {

    private IndexPage() {
    }

    public static String html(String releaseId, int year, List<EesTable> tables, List<QualityRow> quality,
                              List<OutputFile> files) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Children's homes extended data pack: release %s</title>
                <style>
                body{font-family:Arial,Helvetica,sans-serif;margin:2em;max-width:64em;color:#0b0c0c}
                h1{font-size:1.8em}.headline{display:flex;gap:1.5em;flex-wrap:wrap}
                .figure{border-left:5px solid #1d70b8;padding:.3em 1em}.figure b{display:block;font-size:2em}
                table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #b1b4b6;padding:.2em .5em;text-align:left}
                </style></head><body>
                <h1>Children's homes extended data pack, reporting year %d</h1>
                <p>Release <strong>%s</strong>. Symbols: c suppressed, k positive but below 0.5%%, z not applicable, x unavailable (no accepted return). National and regional counts are rounded to the nearest 10.</p>
                """.formatted(escape(releaseId), year, escape(releaseId)));
        tables.stream().filter(t -> t.name().equals(DataPackTables.PLACEMENT_LOCATION.name())).findFirst()
                .ifPresent(placement -> placementLocation(html, year, placement));
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

    private static void placementLocation(StringBuilder html, int year, EesTable table) {
        String children = value(table, year, GeographicLevel.NATIONAL.label(), Filter.TOTAL, Filter.TOTAL, Filter.TOTAL,
                "children_at_31_march").orElse("x");
        String outside = value(table, year, GeographicLevel.NATIONAL.label(), Filter.TOTAL, "Outside boundary", Filter.TOTAL,
                "percent_of_placement_group").orElse("x");
        String homesOutside = value(table, year, GeographicLevel.NATIONAL.label(), "Children's homes (K1, K2)",
                "Outside boundary", Filter.TOTAL, "percent_of_placement_group").orElse("x");
        html.append("<div class=\"headline\">\n")
                .append(figure(children, "children looked after at 31 March " + year))
                .append(figure(outside + "%", "placed outside their council's boundary"))
                .append(figure(homesOutside + "%", "of children in children's homes placed outside their council's boundary"))
                .append("</div>\n<h2>Children placed outside their council's boundary, by region, " + year + "</h2>\n");
        List<Map.Entry<String, String>> bars = new ArrayList<>();
        int nameColumn = table.columnIndex(EesTable.REGION_NAME);
        for (List<String> row : table.rows()) {
            if (matches(table, row, year, GeographicLevel.REGIONAL.label(), Filter.TOTAL, "Outside boundary", Filter.TOTAL)) {
                bars.add(Map.entry(row.get(nameColumn), row.get(table.columnIndex("percent_of_placement_group"))));
            }
        }
        html.append(barChart(bars, "percent of children looked after"));
    }

    private static Optional<String> value(EesTable table, int year, String level, String group,
                                          String locality, String band, String indicator) {
        return table.rows().stream().filter(r -> matches(table, r, year, level, group, locality, band))
                .map(r -> r.get(table.columnIndex(indicator))).findFirst();
    }

    private static boolean matches(EesTable table, List<String> row, int year, String level, String group,
                                   String locality, String band) {
        return row.get(table.columnIndex(EesTable.TIME_PERIOD)).equals(Integer.toString(year))
                && row.get(table.columnIndex(EesTable.GEOGRAPHIC_LEVEL)).equals(level)
                && row.get(table.columnIndex(DataPackTables.PLACEMENT_GROUP)).equals(group)
                && row.get(table.columnIndex(DataPackTables.LOCALITY)).equals(locality)
                && row.get(table.columnIndex(DataPackTables.DISTANCE_BAND)).equals(band);
    }

    private static String figure(String value, String caption) {
        return "<div class=\"figure\"><b>" + escape(value) + "</b>" + escape(caption) + "</div>\n";
    }

    /** A horizontal bar chart of percentages; a symbol (c, x, z) is shown as text with no bar. */
    static String barChart(List<Map.Entry<String, String>> bars, String unit) {
        int rowHeight = 24;
        int labelWidth = 230;
        int barWidth = 400;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\""
                + (labelWidth + barWidth + 80) + "\" height=\"" + (rowHeight * bars.size() + 10) + "\">\n<title>"
                + escape(unit) + "</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            int y = i * rowHeight + 5;
            String value = bars.get(i).getValue();
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\" font-size=\"13\">")
                    .append(escape(bars.get(i).getKey())).append("</text>");
            double percent = value.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(value) : 0;
            int width = (int) Math.round(Math.min(percent, 100) / 100 * barWidth);
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(width).append("\" height=\"").append(rowHeight - 8).append("\" fill=\"#1d70b8\"/>")
                    .append("<text x=\"").append(labelWidth + width + 5).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"13\">").append(escape(value.matches("\\d+(\\.\\d+)?") ? value + "%" : value))
                    .append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
